// A steady stream of approval actions through the real APIs, as departments and enterprises would
// send them: every action carries an Idempotency-Key, and a request that dies on the way (service
// killed, database down) is retried with the same key until it gets an answer.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROCEDURE_CATALOGUE, shanghaiLocalDate } from '@banjie/domain';
import { PROCEDURE_CODES, type DepartmentCode, type ProcedureAction } from '@banjie/contracts';
import { issueToken, type Actor } from '@banjie/platform';

export interface AcceptedAction {
  procedureId: string;
  action: ProcedureAction;
  idempotencyKey: string;
  sequence: number;
  acceptedAt: number;
  attempts: number;
}

interface WorkloadProcedure {
  procedureId: string;
  department: DepartmentCode;
  enterpriseId: string;
  /** The steps still to take, in order. */
  steps: { action: ProcedureAction; body: Record<string, unknown> }[];
}

export interface WorkloadOptions {
  intakeUrl: string;
  approvalUrl: string;
  jwtSecret: string;
  projects: number;
}

const REQUEST_TIMEOUT_MS = 10_000;
const GIVE_UP_AFTER_MS = 120_000;
const FAULTS_ADMIN: Actor = { sub: 'faults-admin', role: 'admin' };
/** The back-dated submissions and acceptances are older than the approval service's grace: late entries (补录). */
const BACK_DATED = { reason: '故障演练：回溯的申请与受理' };

function daysAgo(days: number): string {
  return shanghaiLocalDate(new Date(Date.now() - days * 86_400_000));
}

export class ApprovalWorkload {
  readonly accepted: AcceptedAction[] = [];
  /** Requests answered with a 4xx the workload did not expect, or never answered: the scenario fails. */
  readonly refused: { procedureId: string; action: string; status: number; body: string }[] = [];
  private procedures: WorkloadProcedure[] = [];
  private running = false;
  private inFlight = new Set<Promise<void>>();
  private readonly tokens = new Map<string, string>();

  constructor(private readonly options: WorkloadOptions) {}

  private token(actor: Actor): string {
    const key = JSON.stringify(actor);
    if (!this.tokens.has(key)) this.tokens.set(key, issueToken(actor, this.options.jwtSecret));
    return this.tokens.get(key)!;
  }

  /**
   * Registers the projects with every procedure required, waits until the approval service has
   * them, and lays out each procedure's steps: submit and accept back-dated (so deadlines are
   * already running or past, and the deadline service has reminders and escalations to send) — as
   * an admin's late entries, being older than the back-dating grace — then approve, in time, for two
   * procedures in three.
   */
  async prepare(): Promise<number> {
    const admin = this.token(FAULTS_ADMIN);
    const codes: { code: string; enterpriseId: string }[] = [];
    for (let index = 0; index < this.options.projects; index += 1) {
      const enterpriseId = `ENT-FAULTS-${index}`;
      const registered = await this.call(this.options.intakeUrl, 'POST', '/projects', admin, {
        name: `故障演练项目 ${index}`,
        ownerEnterprise: { id: enterpriseId, name: `演练企业 ${index}` },
        totalInvestment: '10',
        cluster: 'NEW_ENERGY_EQUIPMENT',
        chain: '新能源',
        type: 'NEW',
        location: '玉门市',
        plannedStart: '2026-12-31',
        responsibleUnit: '玉门市发展和改革局',
        helpers: [{ name: '演练帮办员', userId: `faults-helper-${index}` }],
        leadingOfficial: '王副市长',
        listedOn: daysAgo(90),
      });
      if (registered.status !== 201)
        throw new Error(`registering a project failed: ${registered.status} ${registered.text}`);
      const code = (JSON.parse(registered.text) as { code: string }).code;
      const plan = await this.call(this.options.intakeUrl, 'PUT', `/projects/${code}/plan`, admin, {
        items: PROCEDURE_CODES.map((procedure) => ({
          procedure,
          applicability: 'REQUIRED',
          targetDate: daysAgo(-30),
        })),
        reason: '故障演练',
        effectiveDate: daysAgo(80),
      });
      if (plan.status !== 200) throw new Error(`planning ${code} failed: ${plan.status} ${plan.text}`);
      codes.push({ code, enterpriseId });
    }
    for (const { code } of codes) {
      for (let waited = 0; ; waited += 250) {
        const listed = await this.call(
          this.options.approvalUrl,
          'GET',
          `/projects/${code}/procedures`,
          admin,
        );
        if (
          listed.status === 200 &&
          (JSON.parse(listed.text) as { items: unknown[] }).items.length === PROCEDURE_CODES.length
        )
          break;
        if (waited > 90_000)
          throw new Error(
            `the approval service did not open ${code}'s procedures in time: ${listed.status} ${listed.text.slice(0, 200)}`,
          );
        await sleep(250);
      }
    }
    this.procedures = codes.flatMap(({ code, enterpriseId }) =>
      PROCEDURE_CODES.map((procedure, index) => ({
        procedureId: `${code}-${procedure}`,
        department: PROCEDURE_CATALOGUE[procedure].department,
        enterpriseId,
        steps: [
          { action: 'submit' as const, body: { effectiveDate: daysAgo(60), lateEntry: BACK_DATED } },
          { action: 'accept' as const, body: { effectiveDate: daysAgo(58), lateEntry: BACK_DATED } },
          ...(index % 3 === 2
            ? []
            : [{ action: 'approve' as const, body: { documentNumber: `演练〔2026〕${index}号` } }]),
        ],
      })),
    );
    return this.procedures.reduce((sum, procedure) => sum + procedure.steps.length, 0);
  }

  /** Sends about `perSecond` actions a second until `stop()` or until every step is done. */
  start(perSecond: number): Promise<void> {
    this.running = true;
    const ready = [...this.procedures];
    return (async () => {
      while (this.running && (ready.length > 0 || this.inFlight.size > 0)) {
        const next = ready.shift();
        if (next) {
          const step = this.step(next).then(() => {
            if (next.steps.length > 0) ready.push(next);
          });
          this.inFlight.add(step);
          void step.finally(() => this.inFlight.delete(step));
        }
        await sleep(1000 / perSecond);
      }
      await Promise.all(this.inFlight);
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.inFlight);
  }

  private async step(procedure: WorkloadProcedure): Promise<void> {
    const { action, body } = procedure.steps[0]!;
    const actor: Actor =
      'lateEntry' in body
        ? FAULTS_ADMIN
        : action === 'submit'
          ? {
              sub: `faults-enterprise-${procedure.enterpriseId}`,
              role: 'enterprise',
              enterpriseId: procedure.enterpriseId,
            }
          : { sub: `faults-${procedure.department}`, role: 'department', department: procedure.department };
    const idempotencyKey = randomUUID();
    const started = Date.now();
    for (let attempts = 1; ; attempts += 1) {
      const response = await this.call(
        this.options.approvalUrl,
        'POST',
        `/procedures/${procedure.procedureId}/${action}`,
        this.token(actor),
        body,
        { 'idempotency-key': idempotencyKey },
      );
      if (response.status === 200 || response.status === 201) {
        procedure.steps.shift();
        this.accepted.push({
          procedureId: procedure.procedureId,
          action,
          idempotencyKey,
          sequence: (JSON.parse(response.text) as { sequence: number }).sequence,
          acceptedAt: Date.now(),
          attempts,
        });
        return;
      }
      if (response.status >= 400 && response.status < 500 && response.status !== 429) {
        this.refused.push({
          procedureId: procedure.procedureId,
          action,
          status: response.status,
          body: response.text.slice(0, 300),
        });
        procedure.steps.length = 0;
        return;
      }
      if (Date.now() - started > GIVE_UP_AFTER_MS) {
        this.refused.push({
          procedureId: procedure.procedureId,
          action,
          status: response.status,
          body: `no answer for ${GIVE_UP_AFTER_MS / 1000} s: ${response.text.slice(0, 200)}`,
        });
        procedure.steps.length = 0;
        return;
      }
      await sleep(250);
    }
  }

  private async call(
    base: string,
    method: string,
    path: string,
    token: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; text: string }> {
    try {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      return { status: 0, text: (error as Error).message };
    }
  }
}
