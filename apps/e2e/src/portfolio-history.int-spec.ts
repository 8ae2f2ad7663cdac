import { ProcedureAction, ProcedureStatus } from '@banjie/contracts';
import { boardFlag, createChineseWorkingDayCalendar, quarterOf } from '@banjie/domain';
import type { Actor } from '@banjie/platform';
import {
  approvalClient,
  eventually,
  intakeClient,
  startTestStack,
  tokenFor,
  type TestStack,
} from '@banjie/testing';
import {
  buildApprovalHistory,
  constructionStartOf,
  HISTORY_RECORDER,
  idempotencyKeyOf,
  lateEntryBodyOf,
  loadPortfolioWithHistory,
  loadProjectsThroughIntake,
  JsonApi,
  PORTFOLIO_LOADER,
  procedureOnDay,
  Q1_2023,
  readPortfolioSeed,
  type PortfolioLoadReport,
  type ProcedureHistory,
} from '@banjie/portfolio';

const calendar = createChineseWorkingDayCalendar();
const seed = readPortfolioSeed();
const histories = buildApprovalHistory(seed, calendar);
const dispatch: Actor = { sub: 'dispatch-1', role: 'dispatch' };

/** A handful of projects whose histories between them tell every story: each picked by the first history that tells it. */
function handfulOfProjects(): string[] {
  const tells: ((history: ProcedureHistory) => boolean)[] = [
    (history) =>
      history.procedure === 'CONSTRUCTION_PERMIT' &&
      constructionStartOf(seed.find((project) => project.name === history.projectName)!) !== null,
    (history) => history.reportDayState === 'RED' && !history.approvedInQuarter,
    (history) => history.reportDayState === 'YELLOW',
    (history) => history.reportDayState === 'PAUSED',
    (history) => history.steps.filter((step) => step.action === ProcedureAction.SUBMIT).length === 2,
    (history) => history.steps.some((step) => step.action === ProcedureAction.EXTEND),
    (history) => history.reportDayState !== 'APPROVED' && history.approvedInQuarter,
  ];
  return [...new Set(tells.map((tell) => histories.find(tell)!.projectName))];
}

/**
 * The 2023 portfolio's loader on the real intake, approval and notice services (PostgreSQL,
 * Kafka): a handful of its projects loaded with their first-quarter approval history, which the
 * approval service, intake's summary and the public board then show as the history has it. A run
 * interrupted after one action is resumed where it stopped; loading again changes nothing.
 */
describe('loading the 2023 portfolio with its approval history', () => {
  let stack: TestStack;
  let intake: string;
  let approval: string;
  let notice: string;
  const names = handfulOfProjects();
  const played = histories.filter((history) => names.includes(history.projectName));
  const actions = played.reduce((sum, history) => sum + history.steps.length, 0);
  const lines: string[] = [];
  let first: PortfolioLoadReport;
  const codeOf = new Map<string, string>();

  const load = () =>
    loadPortfolioWithHistory({
      intakeUrl: intake,
      approvalUrl: approval,
      signToken: tokenFor,
      projectNames: names,
      log: (line) => void lines.push(line),
    });

  /** A project of the handful whose helpers act on it, and one of its procedures the owner enterprise applies for itself. */
  const interrupted = played.find(
    (history) =>
      history.steps.length >= 2 &&
      history.steps[0]!.actor.kind === 'enterprise' &&
      played.some(
        (other) =>
          other.projectName === history.projectName &&
          other.steps.some((step) => step.actor.kind === 'helper'),
      ),
  )!;

  /**
   * What an older loader killed after its first action leaves: the project listed without its
   * helpers' logins, and the first step of one of its procedures recorded.
   */
  async function interruptedRun(): Promise<void> {
    const withoutLogins = seed
      .filter((project) => project.name === interrupted.projectName)
      .map((project) => ({
        ...project,
        helpers: project.helpers.map(({ name, phone }) => ({ name, phone })),
      }));
    const { projects } = await loadProjectsThroughIntake(
      new JsonApi(intake),
      tokenFor(PORTFOLIO_LOADER),
      withoutLogins,
      4,
    );
    const project = projects.get(interrupted.projectName)!;
    const procedureId = `${project.code}-${interrupted.procedure}`;
    await eventually(
      async () => {
        const { body } = await approvalClient(approval, dispatch).get(procedureId);
        expect(body.status).toBe(ProcedureStatus.PLANNED);
      },
      60_000,
      250,
    );
    const [step] = interrupted.steps;
    const response = await approvalClient(approval, HISTORY_RECORDER).act(
      procedureId,
      step!.action,
      lateEntryBodyOf(step!, quarterOf(Q1_2023.quarterStart)),
      { idempotencyKey: idempotencyKeyOf(procedureId, 0, step!) },
    );
    expect(response.status).toBe(200);
  }

  beforeAll(async () => {
    stack = await startTestStack('portfolio', ['intake-service', 'approval-service', 'notice-service']);
    [intake, approval, notice] = [
      stack.urlOf('intake-service'),
      stack.urlOf('approval-service'),
      stack.urlOf('notice-service'),
    ];
    await interruptedRun();
    first = await load();
    const listed = await intakeClient(intake, dispatch)<{ items: { code: string; name: string }[] }>(
      'GET',
      '/projects?pageSize=200',
    );
    for (const project of listed.body.items) codeOf.set(project.name, project.code);
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  it('loads the projects and sends every action of their histories, resuming the interrupted run, with progress and a summary', () => {
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect(names.length).toBeLessThanOrEqual(7);
    expect(first).toMatchObject({
      projects: { loaded: names.length - 1, skipped: 1 },
      procedures: played.length,
      actionsSent: actions - 1,
      actionsAlreadyApplied: 1,
      conflicts: [],
    });
    expect(lines.some((line) => line.includes('(100 %)'))).toBe(true);
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^approval history 2023-Q1: ${played.length} procedures, ${actions - 1} actions sent, 1 already applied — [\\d.]+ s in all$`,
      ),
    );
  });

  it('leaves every procedure where the history does on 31 March, recorded as late entries for the applicant or the helper and the department', async () => {
    const api = approvalClient(approval, dispatch);
    for (const history of played) {
      const procedureId = `${codeOf.get(history.projectName)}-${history.procedure}`;
      const { body } = await api.get(procedureId);
      expect([procedureId, body.status]).toEqual([
        procedureId,
        procedureOnDay(history, Q1_2023.quarterEnd).status,
      ]);
      const audit = (await api.audit(procedureId)).body.items.filter(
        (row) => row.outcome === 'APPLIED' && row.action !== 'open',
      );
      expect(
        audit.map((row) => [
          row.action,
          row.effectiveDate,
          row.actorRole,
          (row.lateEntry as { onBehalfOf: { role: string } }).onBehalfOf.role,
        ]),
      ).toEqual(history.steps.map((step) => [step.action, step.effectiveDate, 'admin', step.actor.kind]));
    }
  });

  it("gives the helpers of the interrupted run's project their logins, so they could act", async () => {
    const { body } = await intakeClient(intake, dispatch)<{ helpers: { name: string; userId?: string }[] }>(
      'GET',
      `/projects/${codeOf.get(interrupted.projectName)}`,
    );
    const seeded = seed.find((project) => project.name === interrupted.projectName)!.helpers;
    expect(body.helpers.map(({ name, userId }) => ({ name, userId }))).toEqual(
      seeded.map(({ name, userId }) => ({ name, userId })),
    );
  });

  it('approves the permit of a project that has started construction before it started', async () => {
    const permit = played.find(
      (history) => history.procedure === 'CONSTRUCTION_PERMIT' && history.approvedInQuarter,
    )!;
    const start = constructionStartOf(seed.find((project) => project.name === permit.projectName)!)!;
    const { body } = await approvalClient(approval, dispatch).get(
      `${codeOf.get(permit.projectName)}-CONSTRUCTION_PERMIT`,
    );
    expect(body.status).toBe(ProcedureStatus.APPROVED);
    expect((body.completedOn as string) < start).toBe(true);
  });

  it('shows the history on the public board as of 28 March, flag by flag', async () => {
    for (const name of names) {
      const code = codeOf.get(name)!;
      const expected = played
        .filter((history) => history.projectName === name)
        .map((history) => ({
          procedure: history.procedure,
          flag: boardFlag(
            procedureOnDay(history, Q1_2023.reportDay),
            Q1_2023.reportDay,
            Q1_2023.dueSoonWorkingDays,
            calendar,
          ),
        }));
      await eventually(
        async () => {
          const response = await fetch(`${notice}/api/projects/${code}?asOf=${Q1_2023.reportDay}`);
          const { card } = (await response.json()) as {
            card: { procedures: { procedure: string; flag: string }[] };
          };
          const shown = card.procedures.filter((procedure) =>
            expected.some((item) => item.procedure === procedure.procedure),
          );
          expect(shown.map(({ procedure, flag }) => ({ procedure, flag }))).toEqual(expected);
        },
        60_000,
        500,
      );
    }
  });

  it("counts the approvals in intake's summary of 28 and 31 March", async () => {
    const approvedBy = (day: string) =>
      played.filter((history) => procedureOnDay(history, day as never).status === ProcedureStatus.APPROVED)
        .length;
    for (const day of [Q1_2023.reportDay, Q1_2023.quarterEnd]) {
      await eventually(
        async () => {
          const summary = await intakeClient(intake, dispatch)<{
            procedures: { applicable: number; completed: number };
          }>('GET', `/portfolio/summary?asOf=${day}`);
          expect(summary.body.procedures).toMatchObject({
            applicable: played.length,
            completed: approvedBy(day),
          });
        },
        60_000,
        500,
      );
    }
  });

  it('changes nothing when loaded again: every procedure already stands where its history leaves it', async () => {
    const again = await load();
    expect(again).toMatchObject({
      projects: { loaded: 0, skipped: names.length },
      actionsSent: 0,
      actionsAlreadyApplied: actions,
      conflicts: [],
    });
    const audit = (await approvalClient(approval, dispatch).projectAudit(codeOf.get(names[0]!)!)).body.items;
    const applied = audit.filter((row) => row.outcome === 'APPLIED' && row.action !== 'open');
    expect(applied).toHaveLength(
      played
        .filter((history) => history.projectName === names[0])
        .reduce((sum, history) => sum + history.steps.length, 0),
    );
  }, 120_000);
});
