// Plays an approval history through the approval API: the 2023 actions are far older than the
// back-dating grace, so each is recorded as a late entry (补录) by the loader's admin identity on
// behalf of whoever took it (the department, the owner enterprise or the named helper), with an
// Idempotency-Key made of the procedure and the step. A procedure that already stands at the end of its history is left alone;
// one left part-way by an interrupted run is played again from its first step, and the steps it
// had taken are answered from their keys without changing anything.
import { setTimeout as sleep } from 'node:timers/promises';
import { Role, type DepartmentCode, type ProcedureCode } from '@banjie/contracts';
import { mapConcurrently, type Quarter } from '@banjie/domain';
import type { HistoryStep, ProcedureHistory } from './approval-history';
import { procedureOnDay } from './history-replay';
import type { LoadedProject } from './intake-loader';
import { UnexpectedResponseError, type JsonApi } from './json-api';
import type { SignToken, TokenSubject } from './token-signer';

/** A step the approval service refused (the procedure moved on elsewhere, or the history changed since it was played). */
export interface PlaybackConflict {
  procedureId: string;
  step: number;
  action: string;
  status: number;
  message: string;
}

export interface PlaybackResult {
  procedures: number;
  actionsSent: number;
  actionsAlreadyApplied: number;
  /** Steps not taken because an earlier step of the same procedure was refused. */
  actionsSkipped: number;
  conflicts: PlaybackConflict[];
}

export interface PlaybackOptions {
  approval: JsonApi;
  signToken: SignToken;
  histories: readonly ProcedureHistory[];
  /** The quarter the history is played in (the late entries say so). */
  quarter: Quarter;
  projects: ReadonlyMap<string, LoadedProject>;
  concurrency: number;
  /** How long to wait for the approval service to open a project's procedures (they come from intake's plan events). */
  readyTimeoutMs: number;
  log: (line: string) => void;
}

const PROCEDURES_PER_PROJECT = 11;
const KEY_PREFIX = 'portfolio-2023';
/** The loader's own identity: it registers, plans and reads as the dispatch centre. */
export const PORTFOLIO_LOADER: TokenSubject = { sub: 'portfolio-loader', role: Role.DISPATCH };
/** Who records the history in the approval service: only an admin may record late entries. */
export const HISTORY_RECORDER: TokenSubject = { sub: 'portfolio-loader', role: Role.ADMIN };
const QUARTER_NAMES = ['一', '二', '三', '四'] as const;
/** Why the steps are late entries: the quarter's history, recorded by the portfolio loader. */
const lateEntryOf = (quarter: Quarter) => ({
  reason: `${quarter.year}年${QUARTER_NAMES[quarter.quarter - 1]}季度审批历史补录（重点项目组合加载）`,
  evidence: 'apps/intake-service/seed/portfolio-2023.json',
});

/** A procedure as the approval service shows it to the loader. */
interface OpenedProcedure {
  procedure: ProcedureCode;
  department: DepartmentCode;
  status: string;
  sequence: number;
}

/** The Idempotency-Key of a step: stable across runs, so the approval service recognises a replay. */
export function idempotencyKeyOf(procedureId: string, stepIndex: number, step: HistoryStep): string {
  return `${KEY_PREFIX}:${procedureId}:${stepIndex + 1}-${step.action}`;
}

/**
 * The body that records a step as the history has it: its day and fields, as a late entry on behalf
 * of whoever took it — the approval service resolves the procedure's department or the owner
 * enterprise itself; a helper's step names the helper.
 */
export function lateEntryBodyOf(step: HistoryStep, quarter: Quarter): Record<string, unknown> {
  const helper = step.actor.kind === 'helper' ? { helper: step.actor.userId } : {};
  return {
    effectiveDate: step.effectiveDate,
    ...step.details,
    lateEntry: { ...lateEntryOf(quarter), ...helper },
  };
}

/**
 * True when the procedure already stands where its whole history leaves it: every step was
 * applied by an earlier run (its status is the history's last, and it has changed at least once
 * per step since it was opened), so nothing needs sending again. A procedure part-way through is
 * played from its first step: the steps already applied are answered from their Idempotency-Keys.
 */
function historyComplete(history: ProcedureHistory, current: OpenedProcedure): boolean {
  const last = history.steps.at(-1)!;
  return (
    current.status === procedureOnDay(history, last.effectiveDate).status &&
    current.sequence > history.steps.length
  );
}

class HistoryPlayer {
  private readonly tokens = new Map<string, string>();
  private readonly openedProcedures = new Map<string, Promise<Map<ProcedureCode, OpenedProcedure>>>();
  private readonly result: PlaybackResult;
  private readonly totalActions: number;
  private actionsDone = 0;
  private reportedTenths = 0;

  constructor(private readonly options: PlaybackOptions) {
    this.totalActions = options.histories.reduce((sum, history) => sum + history.steps.length, 0);
    this.result = {
      procedures: options.histories.length,
      actionsSent: 0,
      actionsAlreadyApplied: 0,
      actionsSkipped: 0,
      conflicts: [],
    };
  }

  async play(): Promise<PlaybackResult> {
    await mapConcurrently(this.options.histories, this.options.concurrency, (history) =>
      this.playProcedure(history),
    );
    return this.result;
  }

  private token(actor: TokenSubject): string {
    const key = JSON.stringify(actor);
    let token = this.tokens.get(key);
    if (!token) {
      token = this.options.signToken(actor);
      this.tokens.set(key, token);
    }
    return token;
  }

  /**
   * Resolves with the project's procedures as they stood before this run acted on them, once
   * `viewer` sees all 11: for the loader, once the plan has reached the approval service; for a
   * helper, also once the helper's login has.
   */
  private opened(code: string, viewer: TokenSubject): Promise<Map<ProcedureCode, OpenedProcedure>> {
    const key = `${code}|${viewer.sub}`;
    let opened = this.openedProcedures.get(key);
    if (!opened) {
      opened = this.waitForProcedures(code, viewer);
      this.openedProcedures.set(key, opened);
    }
    return opened;
  }

  private async waitForProcedures(
    code: string,
    viewer: TokenSubject,
  ): Promise<Map<ProcedureCode, OpenedProcedure>> {
    const deadline = Date.now() + this.options.readyTimeoutMs;
    for (let pause = 100; ; pause = Math.min(pause * 2, 1000)) {
      const response = await this.options.approval.request<{ items: OpenedProcedure[] }>(
        'GET',
        `/projects/${code}/procedures`,
        this.token(viewer),
        { retry: true },
      );
      if (response.status === 200 && response.body.items.length === PROCEDURES_PER_PROJECT) {
        return new Map(response.body.items.map((procedure) => [procedure.procedure, procedure]));
      }
      if (Date.now() > deadline) {
        throw new Error(
          `the approval service shows ${viewer.sub} ${response.status === 200 ? response.body.items.length : `no (${response.status})`} of ${code}'s ${PROCEDURES_PER_PROJECT} procedures after ${this.options.readyTimeoutMs / 1000} s`,
        );
      }
      await sleep(pause);
    }
  }

  private async playProcedure(history: ProcedureHistory): Promise<void> {
    if (history.steps.length === 0) return;
    const project = this.options.projects.get(history.projectName);
    if (!project) throw new Error(`no code for project ${history.projectName}: load the projects first`);
    const procedureId = `${project.code}-${history.procedure}`;
    const current = (await this.opened(project.code, PORTFOLIO_LOADER)).get(history.procedure)!;
    if (historyComplete(history, current)) {
      this.result.actionsAlreadyApplied += history.steps.length;
      this.progress(history.steps.length);
      return;
    }
    for (const [index, step] of history.steps.entries()) {
      // The service checks a helper's step against the project's helpers: wait until the helper's login has reached it.
      if (step.actor.kind === 'helper')
        await this.opened(project.code, { sub: step.actor.userId, role: Role.HELPER });
      const response = await this.options.approval.request<{ message?: unknown }>(
        'POST',
        `/procedures/${procedureId}/${step.action}`,
        this.token(HISTORY_RECORDER),
        {
          body: lateEntryBodyOf(step, this.options.quarter),
          headers: { 'idempotency-key': idempotencyKeyOf(procedureId, index, step) },
          retry: true,
        },
      );
      if (response.status === 200) {
        if (response.headers.get('idempotent-replayed') === 'true') this.result.actionsAlreadyApplied += 1;
        else this.result.actionsSent += 1;
        this.progress(1);
        continue;
      }
      if (response.status >= 400 && response.status < 500) {
        const message = JSON.stringify(response.body?.message ?? response.body);
        this.result.conflicts.push({
          procedureId,
          step: index + 1,
          action: step.action,
          status: response.status,
          message,
        });
        this.options.log(
          `  ${procedureId} step ${index + 1} (${step.action} on ${step.effectiveDate}) refused: ${response.status} ${message}; its later steps are skipped`,
        );
        this.result.actionsSkipped += history.steps.length - index - 1;
        this.progress(history.steps.length - index);
        return;
      }
      throw new UnexpectedResponseError(
        'POST',
        `/procedures/${procedureId}/${step.action}`,
        response.status,
        JSON.stringify(response.body),
      );
    }
  }

  private progress(actions: number): void {
    this.actionsDone += actions;
    const tenths = Math.floor((this.actionsDone * 10) / this.totalActions);
    if (tenths <= this.reportedTenths) return;
    this.reportedTenths = tenths;
    const { actionsSent, actionsAlreadyApplied } = this.result;
    this.options.log(
      `  approval history: ${this.actionsDone}/${this.totalActions} actions (${tenths * 10} %) — ${actionsSent} sent, ${actionsAlreadyApplied} already applied`,
    );
  }
}

/** Plays every history, `concurrency` procedures at a time, each procedure's steps in order. */
export function playApprovalHistory(options: PlaybackOptions): Promise<PlaybackResult> {
  return new HistoryPlayer(options).play();
}
