import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { Topics } from '@banjie/contracts';
import { baseUrl, eventually } from '@banjie/testing';
import { adjustableClock, publish, startIsolatedNotice, testKafka } from '../test/notice-api';
import {
  procedureEvent,
  procedurePublic,
  projectPublic,
  projectRegistered,
  randomProjectCode,
  sampleProcedureInternal,
} from '../test/notice-events';

/**
 * The acceptance clock on the public board and each department's record, through real Kafka and
 * PostgreSQL: a submission waits, lapses with time alone, then shows its deemed acceptance; the
 * record counts it as of any day.
 */
describe('waiting for acceptance and the departments’ record, through real Kafka', () => {
  // Tue 10 Oct 2023, in Yumen, after the National Day holiday (29 Sep – 6 Oct; 7 and 8 Oct worked).
  const clock = adjustableClock('2023-10-10T10:00:00+08:00');
  let app: INestApplication;
  let url: string;
  let kafka: Kafka;

  const code = randomProjectCode();
  const chain = `受理-${code}`;
  const get = async (path: string) => {
    const response = await fetch(`${url}${path}`);
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const json = async (path: string) => JSON.parse((await get(path)).text);
  const eiaOnBoard = async () => {
    const board = await json(`/api/board?chain=${encodeURIComponent(chain)}`);
    return {
      summary: board.summary,
      eia: board.projects[0]?.procedures.find((p: { procedure: string }) => p.procedure === 'EIA'),
    };
  };
  const record = async (query = '') => json(`/api/departments?chain=${encodeURIComponent(chain)}${query}`);
  const of = (records: { departments: { department: string }[] }, department: string) =>
    records.departments.find((entry) => entry.department === department);

  // EIA submitted Thu 28 Sep: its window is 7, 8, 9, 10 and 11 Oct.
  const submitted = procedurePublic(code, 'EIA', {
    sequence: 2,
    status: 'SUBMITTED',
    effectiveDate: '2023-09-28',
    applicationNumber: 1,
    committedWorkingDays: 10,
    submittedOn: '2023-09-28',
    acceptanceWorkingDays: 5,
    acceptanceDueDate: '2023-10-11',
    preAcceptanceSupplement: null,
  });

  beforeAll(async () => {
    ({ app } = await startIsolatedNotice({ clock }));
    url = baseUrl(app);
    kafka = testKafka();
    await publish(kafka, Topics.INTAKE_PROJECT, [projectRegistered(projectPublic(code, { chain }))]);
    await publish(kafka, Topics.APPROVAL_PROCEDURE, [
      procedureEvent('ProcedureSubmitted', submitted),
      // EMB approved SAFETY on 9 Oct, within its 10 working days from 20 Sep (due 10 Oct).
      procedureEvent(
        'ProcedureApproved',
        procedurePublic(code, 'SAFETY', {
          sequence: 4,
          status: 'APPROVED',
          effectiveDate: '2023-10-09',
          applicationNumber: 1,
          committedWorkingDays: 10,
          submittedOn: '2023-09-19',
          acceptedOn: '2023-09-20',
          completedOn: '2023-10-09',
          documentNumber: '酒应急审〔2023〕12号',
        }),
      ),
    ]);
  }, 120_000);

  afterAll(() => app?.close(), 60_000);

  it('shows a submission waiting for acceptance as its own state, lapsing with time alone', async () => {
    const waiting = await eventually(async () => {
      const shown = await eiaOnBoard();
      expect(shown.eia?.acceptance?.state).toBe('WAITING');
      return shown;
    });
    expect(waiting.eia).toMatchObject({
      status: 'SUBMITTED',
      flag: 'GREY',
      acceptance: {
        state: 'WAITING',
        submittedOn: '2023-09-28',
        dueDate: '2023-10-11',
        workingDaysWaiting: 4,
      },
    });
    expect(waiting.summary.acceptance).toEqual({ WAITING: 1, SUPPLEMENT_REQUESTED: 0, LAPSED: 0 });

    // Midnight after the window's last day: lapsed, with no new event.
    clock.set('2023-10-11T23:59:59.500+08:00');
    const lapsed = await eventually(async () => {
      const shown = await eiaOnBoard();
      expect(shown.eia?.acceptance?.state).toBe('LAPSED');
      return shown;
    }, 15_000);
    expect(lapsed.eia.acceptance).toMatchObject({ dueDate: '2023-10-11', workingDaysWaiting: 6 });
  }, 60_000);

  it('shows the deemed acceptance, dated the submission day, with its clock running', async () => {
    await publish(kafka, Topics.APPROVAL_PROCEDURE, [
      procedureEvent(
        'ProcedureAccepted',
        {
          ...submitted,
          sequence: 3,
          status: 'ACCEPTED',
          effectiveDate: '2023-10-12',
          acceptedOn: '2023-09-28',
          acceptanceDueDate: null,
          deemedAccepted: true,
          dueDate: '2023-10-18',
        },
        { ...sampleProcedureInternal, actor: 'system', actorRole: 'system' },
      ),
    ]);
    const deemed = await eventually(async () => {
      const shown = await eiaOnBoard();
      expect(shown.eia?.status).toBe('ACCEPTED');
      return shown;
    });
    // Ten working days from 28 Sep: due 18 Oct; 4 left on 12 Oct.
    expect(deemed.eia).toMatchObject({
      deemedAccepted: true,
      acceptedOn: '2023-09-28',
      dueDate: '2023-10-18',
      flag: 'BLUE',
    });
    expect(deemed.eia).not.toHaveProperty('acceptance');
    expect(deemed.summary.acceptance).toEqual({ WAITING: 0, SUPPLEMENT_REQUESTED: 0, LAPSED: 0 });
  }, 60_000);

  it("serves each department's record as of any day, public and cacheable", async () => {
    const onTenth = await record('&asOf=2023-10-10');
    expect(onTenth.asOf).toBe('2023-10-10');
    expect(of(onTenth, 'EEB')).toMatchObject({
      waitingForAcceptance: 1,
      waitingPastWindow: 0,
      deemedAccepted: 0,
    });
    expect(of(onTenth, 'EMB')).toMatchObject({
      completed: 1,
      completedWithinLimit: 1,
      withinLimitRate: 1,
      medianUsedWorkingDays: 9,
      medianCommittedWorkingDays: 10,
    });

    const today = await record();
    expect(today).toMatchObject({ asOf: '2023-10-12', filters: { chain } });
    expect(today.departments.map((entry: { department: string }) => entry.department)).toEqual([
      'DRC',
      'NRB',
      'EEB',
      'EMB',
      'WAB',
      'HCB',
    ]);
    expect(of(today, 'EEB')).toMatchObject({ waitingForAcceptance: 0, deemedAccepted: 1, overdue: 0 });

    // Nothing internal: not the actor, the owner, the helpers.
    const text = (await get(`/api/departments?chain=${encodeURIComponent(chain)}`)).text;
    for (const secret of ['eeb-clerk-1', 'system', 'ENT-YM-001', 'helper-cao'])
      expect(text).not.toContain(secret);

    const first = await get('/api/departments');
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    const again = await fetch(`${url}/api/departments`, {
      headers: { 'if-none-match': first.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    expect((await get('/api/departments?asOf=2023-10-10')).headers.get('cache-control')).toBe(
      'public, max-age=300',
    );
  }, 30_000);

  it('refuses a bad day or filter with 400 naming the field', async () => {
    expect(await json('/api/departments?asOf=2023-10-13')).toMatchObject({
      statusCode: 400,
      code: 'AS_OF_IN_FUTURE',
      message: expect.stringContaining('asOf'),
    });
    expect((await json('/api/departments?asOf=2023-02-30')).message).toEqual([
      expect.stringContaining('asOf must be a calendar date'),
    ]);
    expect((await json('/api/departments?asOf=1999-12-31')).message).toEqual([
      expect.stringContaining('asOf must be a day from 2000-01-01'),
    ]);
    expect(await json('/api/departments?cluster=MINING')).toMatchObject({
      statusCode: 400,
      fields: [{ field: 'cluster' }],
    });
    expect((await json('/api/departments?flag=RED')).statusCode).toBe(400);
  });
});
