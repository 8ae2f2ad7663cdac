// Drives approval actions through the approval API at a fixed rate (open loop: a slow answer does
// not slow the schedule down, it shows as actions in flight), and times each action from its API
// call returning to its procedure's new status arriving on the public SSE stream.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Actor } from '@banjie/platform';
import type { BoardStreamWatcher } from './board-stream';
import type { BenchClient } from './http-client';
import type { BenchProcedure } from './seed';
import { distribution, round, type Distribution } from './stats';

type Step = 'submit' | 'accept' | 'approve';
const STATUS_AFTER: Record<Step, string> = { submit: 'SUBMITTED', accept: 'ACCEPTED', approve: 'APPROVED' };
const MAX_IN_FLIGHT = 512;
const BOARD_WAIT_MS = 30_000;

interface Pending {
  procedure: BenchProcedure;
  steps: Step[];
}

export interface PhaseResult {
  targetPerSecond: number;
  seconds: number;
  sent: number;
  succeeded: number;
  failed: number;
  failures: string[];
  achievedPerSecond: number;
  /** Seconds of the phase during which the generator could not send on schedule (cap on requests in flight, or nothing left to do). */
  behindScheduleAt: number | null;
  apiMs: Distribution;
  boardMs: Distribution;
  neverOnBoard: number;
  acceptsSucceeded: number;
  /** When the load stopped (last answer received). */
  stoppedAt: number;
}

export class ActionDriver {
  private readonly ready: Pending[];

  constructor(
    private readonly client: BenchClient,
    private readonly approvalUrl: string,
    private readonly board: BoardStreamWatcher | null,
    procedures: readonly BenchProcedure[],
    steps: readonly Step[] = ['submit', 'accept', 'approve'],
  ) {
    this.ready = procedures.map((procedure) => ({ procedure, steps: [...steps] }));
  }

  get remainingActions(): number {
    return this.ready.reduce((sum, pending) => sum + pending.steps.length, 0);
  }

  /** Sends `perSecond` actions a second for `seconds` (or until no action is left when `seconds` is Infinity). */
  async run(perSecond: number, seconds: number): Promise<PhaseResult> {
    const started = Date.now();
    const deadline = started + seconds * 1000;
    const inFlight = new Set<Promise<void>>();
    const apiMs: number[] = [];
    const boardWaits: Promise<number | null>[] = [];
    const failures: string[] = [];
    let sent = 0;
    let succeeded = 0;
    let accepts = 0;
    let behindScheduleAt: number | null = null;
    while (Date.now() < deadline && (this.ready.length > 0 || inFlight.size > 0)) {
      const due = Math.floor(((Date.now() - started) / 1000) * perSecond);
      while (sent < due) {
        if (inFlight.size >= MAX_IN_FLIGHT || this.ready.length === 0) {
          behindScheduleAt ??= (Date.now() - started) / 1000;
          break;
        }
        const pending = this.ready.shift()!;
        sent += 1;
        const action = this.act(pending).then((outcome) => {
          if (outcome.ok) {
            succeeded += 1;
            if (outcome.step === 'accept') accepts += 1;
            apiMs.push(outcome.apiMs);
            if (outcome.board) boardWaits.push(outcome.board);
            if (pending.steps.length > 0) this.ready.push(pending);
          } else {
            failures.push(outcome.failure);
          }
        });
        inFlight.add(action);
        void action.finally(() => inFlight.delete(action));
      }
      await sleep(5);
    }
    await Promise.all(inFlight);
    const stoppedAt = Date.now();
    const elapsed = (stoppedAt - started) / 1000;
    const boardMs = (await Promise.all(boardWaits)).filter((value): value is number => value !== null);
    return {
      targetPerSecond: perSecond,
      seconds: round(elapsed),
      sent,
      succeeded,
      failed: failures.length,
      failures: failures.slice(0, 10),
      achievedPerSecond: round(succeeded / elapsed),
      behindScheduleAt: behindScheduleAt === null ? null : round(behindScheduleAt),
      apiMs: distribution(apiMs),
      boardMs: distribution(boardMs),
      neverOnBoard: boardWaits.length - boardMs.length,
      acceptsSucceeded: accepts,
      stoppedAt,
    };
  }

  private async act(
    pending: Pending,
  ): Promise<
    | { ok: true; step: Step; apiMs: number; board: Promise<number | null> | null }
    | { ok: false; failure: string }
  > {
    const step = pending.steps[0]!;
    const { procedure } = pending;
    const actor: Actor =
      step === 'submit'
        ? {
            sub: `bench-enterprise-${procedure.enterpriseId}`,
            role: 'enterprise',
            enterpriseId: procedure.enterpriseId,
          }
        : { sub: `bench-${procedure.department}`, role: 'department', department: procedure.department };
    const body = step === 'approve' ? { documentNumber: `基准〔2026〕${procedure.procedureId}号` } : {};
    const seen = this.board?.seen(procedure.procedureId, STATUS_AFTER[step]) ?? null;
    const started = Date.now();
    const answer = await this.client.call(
      `${this.approvalUrl}/procedures/${procedure.procedureId}/${step}`,
      'POST',
      actor,
      body,
      { 'idempotency-key': randomUUID() },
    );
    const returned = Date.now();
    if (answer.status !== 200 && answer.status !== 201) {
      this.board?.forget(procedure.procedureId);
      return {
        ok: false,
        failure: `${step} ${procedure.procedureId}: ${answer.status} ${answer.text.slice(0, 200)}`,
      };
    }
    pending.steps.shift();
    const board = seen
      ? Promise.race([seen.then((at) => Math.max(0, at - returned)), sleep(BOARD_WAIT_MS).then(() => null)])
      : null;
    return { ok: true, step, apiMs: returned - started, board };
  }
}
