import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { Topics, type ProcedureCode } from '@banjie/contracts';
import { shanghaiLocalDate } from '@banjie/domain';
import { baseUrl, eventually } from '@banjie/testing';
import { publish, startIsolatedNotice, testKafka } from '../test/notice-api';
import {
  procedureEvent,
  procedurePublic,
  projectPublic,
  projectRegistered,
  randomProjectCode,
} from '../test/notice-events';

const ARTIFACTS = join(__dirname, '../../../../test-artifacts');
const MEASURE_BOARD = readFileSync(join(__dirname, 'board-layout.measure.js'), 'utf8');

/** The screens service halls hang: full HD, the cheap 1366×768 panels, and 4K. */
const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 3840, height: 2160 },
];

/**
 * The smallest text allowed, as a share of the screen height. The board's smallest text is
 * secondary (a column's department, a note under a flag); 1.4 % of the height is 15 px on a
 * 1080-line screen, a glyph of about 1 cm on the 55–65″ panels of a service hall: readable from
 * 3–4 m, where people stand to look at it (the headings and flags are two to three times that).
 */
const SMALLEST_TEXT_SHARE = 0.014;

/** Projects of every kind, so that the board shows names, flags and dates as in service. */
const KINDS: { name: string; type: 'NEW' | 'CONTINUING'; unit: string }[] = [
  { name: '玉门抽水蓄能电站', type: 'NEW', unit: '玉门市发展和改革局' },
  { name: '百万千瓦级光伏治沙产业园配套储能及送出工程', type: 'NEW', unit: '玉门市工业和信息化局' },
  { name: '煤炭分质利用及精细化工一体化项目', type: 'CONTINUING', unit: '玉门经济开发区管委会' },
  { name: '风电装备制造基地', type: 'NEW', unit: '玉门市招商局' },
  { name: '老市区供热管网改造', type: 'CONTINUING', unit: '玉门市住房和城乡建设局' },
];

/** As many projects as the 2023 portfolio (127): the header's counts are as wide as in service. */
const PORTFOLIO = Array.from({ length: 127 }, (_, index) => {
  const kind = KINDS[index % KINDS.length]!;
  const begun = index % 3 === 0;
  return {
    code: randomProjectCode(),
    ...kind,
    state: !begun
      ? ('PREPARING' as const)
      : kind.type === 'NEW'
        ? ('STARTED' as const)
        : ('RESUMED' as const),
  };
});

const today = shanghaiLocalDate(new Date());

/**
 * Submissions waiting for acceptance in each of their states, in every row: within the window
 * (submitted today), owing the supplement asked for, lapsed.
 */
function waitingForAcceptance(code: string, index: number) {
  const submitted = (procedure: ProcedureCode, state: number) =>
    procedurePublic(code, procedure, {
      status: 'SUBMITTED',
      effectiveDate: state === 0 ? today : '2023-09-18',
      applicationNumber: 1,
      submittedOn: state === 0 ? today : '2023-09-18',
      acceptanceWorkingDays: 5,
      preAcceptanceSupplement:
        state === 1 ? { from: '2023-09-19', to: null, supplementReason: 'MISSING_DOCUMENT' } : null,
    });
  return (['SAFETY', 'FIRE_DESIGN', 'CONSTRUCTION_PERMIT'] as const).map((procedure, k) =>
    procedureEvent('ProcedureSubmitted', submitted(procedure, (index + k) % 3)),
  );
}

function procedureEvents(code: string, index = 0) {
  const open = (procedure: ProcedureCode) =>
    procedureEvent('ProcedureOpened', procedurePublic(code, procedure, { targetDate: '2099-06-30' }));
  return [
    procedureEvent(
      'ProcedureMarkedAlreadyHeld',
      procedurePublic(code, 'PROJECT_APPROVAL', {
        status: 'ALREADY_HELD',
        committedWorkingDays: null,
        documentNumber: '甘发改能源〔2022〕38号',
      }),
    ),
    procedureEvent(
      'ProcedureApproved',
      procedurePublic(code, 'LAND_PREEXAM', {
        status: 'APPROVED',
        effectiveDate: '2023-05-08',
        applicationNumber: 1,
        acceptedOn: '2023-04-20',
        completedOn: '2023-05-08',
        documentNumber: '酒自然资预〔2023〕12号',
      }),
    ),
    procedureEvent(
      'ProcedureAccepted',
      procedurePublic(code, 'EIA', {
        status: 'ACCEPTED',
        effectiveDate: '2023-09-20',
        applicationNumber: 1,
        acceptedOn: '2023-09-20',
        dueDate: '2099-10-10',
        // Some deemed accepted by law (art. 32): the cell carries its mark.
        ...(index % 4 !== 3 ? { submittedOn: '2023-09-20', deemedAccepted: true } : {}),
      }),
    ),
    procedureEvent(
      'ProcedureMarkedNotApplicable',
      procedurePublic(code, 'SOIL_WATER', { status: 'NOT_APPLICABLE', committedWorkingDays: null }),
    ),
    open('LAND_USE'),
    ...waitingForAcceptance(code, index),
  ];
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What board-layout.measure.js returns. */
interface BoardLayout {
  viewport: { width: number; height: number };
  blocks: { name: string; box: Box }[];
  texts: { text: string; block: string; box: Box; clipped: boolean }[];
  rows: { code: string; box: Box }[];
  rowsArea: Box;
  footer: Box;
  smallestText: { text: string; fontSize: number };
}

/** The record page's table and footer boxes, its cells whose text is cut off, and its smallest text. */
const MEASURE_RECORD = `(() => {
  const box = (element) => { const r = element.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
  const cells = [...document.querySelectorAll('.record th, .record td, .record small')];
  const sizes = cells.map((cell) => ({ text: cell.textContent.trim(), fontSize: parseFloat(getComputedStyle(cell).fontSize) }));
  return {
    table: box(document.querySelector('.record table')),
    footer: box(document.querySelector('.footer')),
    cutOff: cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent.trim()),
    smallest: sizes.reduce((a, b) => (b.fontSize < a.fontSize ? b : a)),
  };
})()`;

/** Half a pixel of slack for subpixel layout. */
const SLACK = 0.5;
const overlap = (a: Box, b: Box) =>
  a.left < b.right - SLACK &&
  b.left < a.right - SLACK &&
  a.top < b.bottom - SLACK &&
  b.top < a.bottom - SLACK;
const withinWidth = (inner: Box, outer: Box) =>
  inner.left >= outer.left - SLACK && inner.right <= outer.right + SLACK;
const inside = (inner: Box, outer: Box) =>
  withinWidth(inner, outer) && inner.top >= outer.top - SLACK && inner.bottom <= outer.bottom + SLACK;

/** What is wrong with a measured board, in words (empty when it fits). */
function layoutProblems(layout: BoardLayout): string[] {
  const screen: Box = { left: 0, top: 0, right: layout.viewport.width, bottom: layout.viewport.height };
  const problems: string[] = [];
  layout.blocks.forEach((a, index) => {
    for (const b of layout.blocks.slice(index + 1))
      if (overlap(a.box, b.box)) problems.push(`masthead blocks ${a.name} and ${b.name} overlap`);
  });
  for (const text of layout.texts) {
    const block = layout.blocks.find((candidate) => candidate.name === text.block)!;
    if (text.clipped) problems.push(`"${text.text}" is cut off`);
    // Across only: a glyph's ascent may rise above a tight line box, as designed.
    if (!withinWidth(text.box, block.box)) problems.push(`"${text.text}" runs out of ${text.block}`);
    for (const other of layout.blocks)
      if (other !== block && overlap(text.box, other.box))
        problems.push(`"${text.text}" runs under ${other.name}`);
  }
  for (const row of layout.rows)
    if (!inside(row.box, layout.rowsArea) || !inside(row.box, screen))
      problems.push(`row ${row.code} does not fit the screen`);
  if (!inside(layout.footer, screen)) problems.push('the footer is off the screen');
  const floor = SMALLEST_TEXT_SHARE * layout.viewport.height;
  if (layout.smallestText.fontSize < floor)
    problems.push(
      `"${layout.smallestText.text}" is ${layout.smallestText.fontSize.toFixed(1)} px, under ${floor.toFixed(1)} px`,
    );
  return problems;
}

/**
 * The board page in Debian's headless Chromium at the sizes of the screens it hangs on, with
 * projects on it from real Kafka: nothing in the masthead overlaps or is cut off, the rows fit,
 * and no text is too small to read from across the hall.
 */
describe('the board page fits the screens of a service hall', () => {
  let app: INestApplication;
  let kafka: Kafka;
  let browser: Browser;
  const chain = `布局-${Date.now().toString(36)}`;

  beforeAll(async () => {
    ({ app } = await startIsolatedNotice());
    kafka = testKafka();
    await publish(
      kafka,
      Topics.INTAKE_PROJECT,
      PORTFOLIO.map((project) =>
        projectRegistered(
          projectPublic(project.code, {
            name: project.name,
            type: project.type,
            responsibleUnit: project.unit,
            state: project.state,
            chain,
          }),
        ),
      ),
    );
    await publish(
      kafka,
      Topics.APPROVAL_PROCEDURE,
      PORTFOLIO.flatMap((project, index) => procedureEvents(project.code, index)),
    );
    await eventually(async () => {
      const response = await fetch(`${baseUrl(app)}/api/board?chain=${encodeURIComponent(chain)}`);
      const board = (await response.json()) as { projects: { code: string; procedures: unknown[] }[] };
      expect(board.projects).toHaveLength(PORTFOLIO.length);
      for (const card of board.projects)
        expect(card.procedures).toHaveLength(procedureEvents(card.code).length);
    }, 90_000);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  }, 60_000);

  it.each(SCREENS)(
    'at $width×$height',
    async (viewport) => {
      const page = await browser.newPage({ viewport });
      try {
        // No page turn while it is measured.
        await page.goto(`${baseUrl(app)}/?chain=${encodeURIComponent(chain)}&pageSeconds=600`);
        // Data on screen: the portfolio's projects with their flags, the stream live (no more "连接中…").
        await page.waitForSelector('body[data-connection="live"]', { timeout: 60_000 });
        await page.waitForSelector(`#scope:has-text("（${PORTFOLIO.length}个）")`, { timeout: 60_000 });
        await page.waitForSelector('#rows .row [data-procedure="EIA"][data-flag]', { timeout: 60_000 });
        // Waiting for acceptance shows as its own state, and a deemed acceptance carries its mark.
        for (const state of ['WAITING', 'SUPPLEMENT_REQUESTED', 'LAPSED'])
          await page.waitForSelector(`#rows [data-acceptance="${state}"]`);
        await page.waitForSelector('#rows [data-procedure="EIA"][data-deemed] .deemed');
        await page.screenshot({
          path: join(ARTIFACTS, `flag-board-${viewport.width}x${viewport.height}.png`),
        });
        const layout = (await page.evaluate(MEASURE_BOARD)) as BoardLayout;
        expect(layout.rows.length).toBeGreaterThan(1);
        expect(layoutProblems(layout)).toEqual([]);
      } finally {
        await page.close();
      }
    },
    90_000,
  );

  it.each(SCREENS)(
    "each department's record at $width×$height",
    async (viewport) => {
      const page = await browser.newPage({ viewport });
      try {
        await page.goto(`${baseUrl(app)}/departments?chain=${encodeURIComponent(chain)}`);
        await page.waitForSelector('#departments tr[data-department="HCB"]', { timeout: 60_000 });
        await page.screenshot({
          path: join(ARTIFACTS, `departments-${viewport.width}x${viewport.height}.png`),
        });
        const measured = (await page.evaluate(MEASURE_RECORD)) as {
          table: Box;
          footer: Box;
          cutOff: string[];
          smallest: { text: string; fontSize: number };
        };
        const screen: Box = { left: 0, top: 0, right: viewport.width, bottom: viewport.height };
        expect(inside(measured.table, screen)).toBe(true);
        expect(inside(measured.footer, screen)).toBe(true);
        expect(measured.cutOff).toEqual([]);
        expect(measured.smallest.fontSize).toBeGreaterThanOrEqual(SMALLEST_TEXT_SHARE * viewport.height);
      } finally {
        await page.close();
      }
    },
    90_000,
  );
});
