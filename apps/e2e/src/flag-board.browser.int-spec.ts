import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath } from '@banjie/local-infra';
import { eventually, startTestStack, type TestStack } from '@banjie/testing';
import { BOARD_STORIES, boardServices } from './test/flag-board-scenario';

const SCREENSHOT = join(__dirname, '../../../test-artifacts/flag-board.png');

/**
 * The board page in Debian's headless Chromium, fed by the real services: a department approves
 * through the approval API and the flag turns green on the open page, without a reload; the page
 * rides out a restart of the notice service.
 */
describe('the flag board page, live in Chromium', () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  const chain = `重点-${Date.now().toString(36)}`;
  const codes: string[] = [];

  beforeAll(async () => {
    stack = await startTestStack('board_e2e', ['intake-service', 'approval-service', 'notice-service'], {
      serviceEnv: { 'notice-service': { NOTICE_SSE_RETRY_MS: '500' } },
    });
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  const cell = (code: string, procedure: string) => `[data-code="${code}"] [data-procedure="${procedure}"]`;
  const flagOf = (code: string, procedure: string) => page.getAttribute(cell(code, procedure), 'data-flag');

  it('shows a flag turn green the moment a department approves, and survives the service restarting', async () => {
    const services = boardServices(stack.urlOf('intake-service'), stack.urlOf('approval-service'));
    for (const story of BOARD_STORIES) codes.push(await services.register(story, chain));
    const [pumpedStorage] = codes as [string];

    await page.goto(`${stack.urlOf('notice-service')}/?chain=${encodeURIComponent(chain)}&pageSeconds=600`);
    await page.waitForSelector(`${cell(pumpedStorage, 'EIA')}[data-flag="BLUE"]`, { timeout: 90_000 });
    await eventually(
      async () => expect(await page.locator('#rows .row').count()).toBe(BOARD_STORIES.length),
      30_000,
    );
    expect(await page.getAttribute('body', 'data-connection')).toBe('live');
    expect(await page.textContent('h1')).toBe('重点项目前期手续挂旗公示');
    // Marks this document: a reload would lose it.
    await page.evaluate("window.boardTestMarker = 'still the same page'");

    await services.approve(pumpedStorage, 'EIA');
    await page.waitForSelector(`${cell(pumpedStorage, 'EIA')}[data-flag="GREEN"]`, { timeout: 30_000 });
    expect(await page.evaluate('window.boardTestMarker')).toBe('still the same page');
    expect(await page.textContent(cell(pumpedStorage, 'EIA'))).toMatch(/^结\d{2}-\d{2}$/);

    // The notice service goes away: the page says so, then comes back with it and keeps updating.
    await stack.shutDown('notice-service');
    await page.waitForSelector('body[data-connection="reconnecting"]', { timeout: 15_000 });
    expect(await page.isVisible('#banner')).toBe(true);
    await stack.start('notice-service');
    await page.waitForSelector('body[data-connection="live"]', { timeout: 30_000 });
    expect(await flagOf(pumpedStorage, 'SAFETY')).toBe('GREY');
    await services.accept(pumpedStorage, 'SAFETY');
    await page.waitForSelector(`${cell(pumpedStorage, 'SAFETY')}[data-flag="BLUE"]`, { timeout: 30_000 });
    expect(await page.evaluate('window.boardTestMarker')).toBe('still the same page');
    expect(await page.isVisible('#banner')).toBe(false);

    // Every colour of the little portfolio is on screen, with the header figures.
    const flags = await page.$$eval('#rows [data-flag]', (cells) =>
      [...new Set(cells.map((c) => c.getAttribute('data-flag')))].sort(),
    );
    expect(flags).toEqual(['ALREADY_HELD', 'BLUE', 'GREEN', 'GREY', 'NOT_APPLICABLE', 'RED', 'YELLOW']);
    expect(await page.textContent('#completion-rate')).toMatch(/^\d+\.\d%$/);
    expect(await page.textContent('#resume-counts')).toBe('续建 1/2 个已复工');
    expect(await page.textContent('#start-counts')).toBe('新建 1/3 个已开工');

    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  }, 240_000);
});
