import { loadPortfolio } from '@banjie/portfolio';
import { intakeClient, startTestStack, tokenFor, type TestStack } from '@banjie/testing';

interface Rates {
  projects: { total: number };
  continuing: { total: number; resumed: number; rate: number | null };
  new: { total: number; started: number; rate: number | null };
}

/** The parts of intake's `GET /portfolio/summary` these figures come from. */
interface PortfolioSummary extends Rates {
  procedures: { applicable: number };
  byChain: unknown[];
  byCluster: Rates[];
}

/**
 * The 2023 data set, loaded through the intake API like any client (the portfolio library's
 * loader, the intake service as its own process), reproduces the report's figures.
 */
describe('the 2023 portfolio', () => {
  let stack: TestStack;
  let intake: string;

  beforeAll(async () => {
    stack = await startTestStack('portfolio_2023', ['intake-service']);
    intake = stack.urlOf('intake-service');
    const loaded = await loadPortfolio(intake, tokenFor({ sub: 'loader', role: 'dispatch' }));
    expect(loaded).toEqual({ loaded: 127, skipped: 0 });
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  }, 30_000);

  const summary = async (asOf: string) =>
    (
      await intakeClient(intake, { sub: 'dispatch-1', role: 'dispatch' })<PortfolioSummary>(
        'GET',
        `/portfolio/summary?asOf=${asOf}`,
      )
    ).body;

  it('shows 127 key projects on 2023-03-28: resume rate 82.6 % (38/46), start rate 34.6 % (28/81)', async () => {
    const figures = await summary('2023-03-28');
    expect(figures.projects.total).toBe(127);
    expect(figures.continuing).toEqual({ total: 46, resumed: 38, rate: 0.826 });
    expect(figures.new).toEqual({ total: 81, started: 28, rate: 0.346 });
    expect(figures.procedures.applicable).toBeGreaterThan(0);
    expect(figures.byChain).toHaveLength(5);
    expect(figures.byCluster.reduce((sum, cluster) => sum + cluster.projects.total, 0)).toBe(127);
  });

  it('shows the list as it stood on earlier days', async () => {
    const beforeAnything = await summary('2022-12-31');
    expect(beforeAnything.projects.total).toBe(0);
    expect(beforeAnything.continuing.rate).toBeNull();
    const earlyFebruary = await summary('2023-02-01');
    expect(earlyFebruary.projects.total).toBeLessThan(127);
    expect(earlyFebruary.continuing.resumed).toBeLessThan(38);
  });

  it('loads idempotently: a second run adds nothing', async () => {
    await expect(loadPortfolio(intake, tokenFor({ sub: 'loader', role: 'dispatch' }))).resolves.toEqual({
      loaded: 0,
      skipped: 127,
    });
  });

  it('refuses a malformed asOf with a 400 naming the field', async () => {
    const response = await intakeClient(intake, { sub: 'dispatch-1', role: 'dispatch' })<{
      message: string[];
    }>('GET', '/portfolio/summary?asOf=2023-13-01');
    expect(response.status).toBe(400);
    expect(response.body.message.join(' ')).toContain('asOf');
  });
});
