import { addDays, type LocalDate } from '@banjie/domain';
import type { Actor } from '@banjie/platform';
import { approvalClient, deadlineClient, eventually, startTestStack, type TestStack } from '@banjie/testing';
import { boardServices, today, workingDaysAgo } from './test/flag-board-scenario';

const admin: Actor = { sub: 'admin-1', role: 'admin' };
const supervisor: Actor = { sub: 'supervisor-1', role: 'supervisor' };

interface BoardProcedure {
  procedure: string;
  flag: string | null;
  acceptedOn: string | null;
  deemedAccepted?: true;
  acceptance?: { state: string; submittedOn: string; dueDate: string | null; workingDaysWaiting: number };
}

/**
 * The "done means", through all four services on real PostgreSQL, Kafka and Temporal: a
 * submission nobody touches is accepted by the system as of its submission day once its window has
 * lapsed — visibly (the approval service, the board), audited (by `system`, art. 32), with its
 * deadline clock running and the supervisors told; the delay report names the department that held
 * the time. A submission still inside its window waits, shown as waiting on the board.
 */
describe('the acceptance clock, end to end', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack(
      'acceptance_clock',
      ['intake-service', 'approval-service', 'deadline-service', 'notice-service'],
      // A history recorded late gets a grace before the system deems; two seconds here instead of an hour.
      { serviceEnv: { 'deadline-service': { DEADLINE_ACCEPTANCE_RECORDING_GRACE: 'PT2S' } } },
    );
  }, 180_000);

  afterAll(() => stack?.stop(), 60_000);

  it('deems an untouched submission accepted on its submission day, and leaves one within its window waiting', async () => {
    const approval = approvalClient(stack.urlOf('approval-service'), admin);
    const code = await boardServices(stack.urlOf('intake-service'), stack.urlOf('approval-service')).register(
      { name: '受理时限测试项目', type: 'NEW', lifecycle: ['PREPARING'], procedures: {} },
      `受理-${Date.now().toString(36)}`,
    );
    const lapsed = `${code}-FIRE_DESIGN`;
    const waiting = `${code}-EIA`;
    const submittedOn: LocalDate = workingDaysAgo(7);
    const lateEntry = { reason: '受理时限测试：纸质申请补录' };
    expect((await approval.act(lapsed, 'submit', { effectiveDate: submittedOn, lateEntry })).status).toBe(
      200,
    );
    expect(
      (await approval.act(waiting, 'submit', { effectiveDate: workingDaysAgo(1), lateEntry })).status,
    ).toBe(200);

    // The deadline service reports the lapse; the approval service deems the application accepted.
    const deemed = await eventually(async () => {
      const { body } = await approval.get(lapsed);
      expect(body).toMatchObject({ status: 'ACCEPTED', acceptedOn: submittedOn, deemedAccepted: true });
      return body;
    }, 90_000);
    expect(deemed.dueDate).not.toBeNull();

    const deeming = (await approval.audit(lapsed)).body.items.filter((row) => row.action === 'deem-accept');
    expect(deeming).toHaveLength(1);
    expect(deeming[0]).toMatchObject({ outcome: 'APPLIED' });
    expect(JSON.stringify(deeming[0]!.actor)).toContain('system');

    // A department accepting now is too late: the application is accepted already, once.
    const hcb: Actor = { sub: 'hcb-clerk', role: 'department', department: 'HCB' };
    expect((await approvalClient(stack.urlOf('approval-service'), hcb).act(lapsed, 'accept')).status).toBe(
      409,
    );

    // The board: the deemed acceptance marked, its clock coloured; the other one waiting, not "not applied".
    const card = await eventually(async () => {
      const response = await fetch(`${stack.urlOf('notice-service')}/api/projects/${code}`);
      expect(response.status).toBe(200);
      const { card } = (await response.json()) as { card: { procedures: BoardProcedure[] } };
      const byCode = new Map(card.procedures.map((p) => [p.procedure, p]));
      expect(byCode.get('FIRE_DESIGN')).toMatchObject({ deemedAccepted: true, acceptedOn: submittedOn });
      expect(byCode.get('EIA')?.acceptance).toMatchObject({ state: 'WAITING', workingDaysWaiting: 1 });
      return byCode;
    }, 60_000);
    expect(['BLUE', 'YELLOW', 'RED']).toContain(card.get('FIRE_DESIGN')!.flag);
    expect(card.get('EIA')!.acceptance!.dueDate! > today).toBe(true);

    // The supervisors were told; the processing clock runs from the submission day.
    const deadline = deadlineClient(stack.urlOf('deadline-service'), supervisor);
    await eventually(async () => {
      const { body } = await deadline<{ items: { rung: string; procedureId?: string }[] }>(
        'GET',
        `/escalations?project=${code}`,
      );
      expect(body.items.filter((e) => e.procedureId === lapsed && e.rung === 'deemed-accepted')).toHaveLength(
        1,
      );
    }, 60_000);
    const clock = await eventually(async () => {
      const { status, body } = await deadline<{ dueDate: string | null }>('GET', `/clocks/${lapsed}`);
      expect(status).toBe(200);
      expect(body.dueDate).toBe(deemed.dueDate);
      return body;
    }, 60_000);
    expect(clock.dueDate! >= addDays(submittedOn, 1)).toBe(true);

    // Whose clock: the department held the working days since the submission.
    const report = await approvalClient(stack.urlOf('approval-service'), supervisor).request<{
      items: { key: string; deemedAcceptances: number; byHolder: Record<string, number> }[];
    }>('GET', `/reports/delays?groupBy=project&pageSize=100`);
    expect(report.status).toBe(200);
    const row = report.body.items.find((item) => item.key === code);
    expect(row).toMatchObject({ deemedAcceptances: 1 });
    // Seven working days since the deemed one's submission, one since the waiting one's.
    expect(row!.byHolder.DEPARTMENT).toBe(7 + 1);
  }, 300_000);
});
