import 'reflect-metadata';
import fc from 'fast-check';
import { Topics, type InternalProcedureFields } from '@banjie/contracts';
import { eventually } from '@banjie/testing';
import { observedNotice, publish } from '../test/notice-api';
import {
  procedureEvent,
  procedurePublic,
  projectLifecycleChanged,
  projectPublic,
  projectRegistered,
  projectUpdated,
  randomProjectCode,
} from '../test/notice-events';
import { leaks, procedureInternals, projectInternals, secretValues } from '../test/secret-internals';

const PROJECTS = 12;

/**
 * Public means public: events whose internal parts are full of random values (owner enterprises,
 * helpers and their phones, leading officials, actors, reasons, ids) go through the real service;
 * not one of those values may reach the board, a card, the stream, the public topic — nor even
 * the notice service's own tables.
 */
describe('public means public', () => {
  let notice: Awaited<ReturnType<typeof observedNotice>>;

  beforeAll(async () => {
    notice = await observedNotice({ topics: [Topics.PUBLIC_FLAG_BOARD] });
  }, 120_000);

  afterAll(() => notice?.stop(), 60_000);

  /** One project's events, every internal part drawn at random. */
  function projectStory(code: string) {
    const [registeredBy, movedBy, updatedBy] = fc.sample(projectInternals, 3);
    const by = fc.sample(procedureInternals, 10);
    const who = (): InternalProcedureFields => by.pop()!;
    const listed = projectPublic(code, { state: 'SIGNED', revision: 1, chain: `公示-${code}` });
    const eia = (overrides: Parameters<typeof procedurePublic>[2]) =>
      procedurePublic(code, 'EIA', { applicationNumber: 1, ...overrides });
    const safety = (overrides: Parameters<typeof procedurePublic>[2]) =>
      procedurePublic(code, 'SAFETY', { applicationNumber: 1, ...overrides });
    const running = { acceptedOn: '2023-02-01', effectiveDate: '2023-02-01' };
    const projectEvents = [
      projectRegistered(listed, registeredBy),
      projectLifecycleChanged(
        { ...listed, revision: 2 },
        { from: 'SIGNED', to: 'PREPARING', effectiveDate: '2023-01-20' },
        movedBy,
      ),
      projectUpdated(
        { ...listed, state: 'PREPARING', revision: 3, name: `${listed.name}（一期）` },
        updatedBy,
        '2023-01-25T03:00:00Z',
      ),
    ];
    const procedureEvents = [
      procedureEvent('ProcedureOpened', eia({ sequence: 1, applicationNumber: 0 }), who()),
      procedureEvent(
        'ProcedureSubmitted',
        eia({ sequence: 2, status: 'SUBMITTED', effectiveDate: '2023-01-30' }),
        who(),
      ),
      procedureEvent(
        'ProcedureAccepted',
        eia({ sequence: 3, status: 'ACCEPTED', ...running, dueDate: '2023-02-22' }),
        who(),
      ),
      procedureEvent(
        'ProcedureSupplementRequested',
        eia({
          sequence: 4,
          status: 'SUPPLEMENT_REQUESTED',
          ...running,
          effectiveDate: '2023-02-06',
          pauses: [{ from: '2023-02-06', to: null }],
        }),
        who(),
      ),
      procedureEvent(
        'ProcedureResubmitted',
        eia({
          sequence: 5,
          status: 'ACCEPTED',
          ...running,
          effectiveDate: '2023-02-08',
          pauses: [{ from: '2023-02-06', to: '2023-02-08' }],
          dueDate: '2023-02-24',
        }),
        who(),
      ),
      procedureEvent(
        'ProcedureExtended',
        eia({
          sequence: 6,
          status: 'ACCEPTED',
          ...running,
          effectiveDate: '2023-02-20',
          pauses: [{ from: '2023-02-06', to: '2023-02-08' }],
          extensionWorkingDays: 5,
          dueDate: '2023-03-03',
        }),
        who(),
      ),
      procedureEvent(
        'ProcedureApproved',
        eia({
          sequence: 7,
          status: 'APPROVED',
          ...running,
          effectiveDate: '2023-03-01',
          completedOn: '2023-03-01',
          documentNumber: '酒环审〔2023〕7号',
        }),
        who(),
      ),
      procedureEvent(
        'ProcedureSubmitted',
        safety({ sequence: 2, status: 'SUBMITTED', effectiveDate: '2023-02-01' }),
        who(),
      ),
      procedureEvent(
        'ProcedureRefused',
        safety({ sequence: 3, status: 'REFUSED', effectiveDate: '2023-02-10' }),
        who(),
      ),
      procedureEvent(
        'ProcedureMarkedNotApplicable',
        procedurePublic(code, 'ENERGY_QUOTA', {
          sequence: 2,
          status: 'NOT_APPLICABLE',
          committedWorkingDays: null,
          effectiveDate: '2023-02-02',
        }),
        who(),
      ),
    ];
    return {
      projectEvents,
      procedureEvents,
      secrets: secretValues([
        registeredBy,
        movedBy,
        updatedBy,
        ...procedureEvents.map((e) => e.payload.internal),
      ]),
    };
  }

  it('no internal value of any event reaches any public output', async () => {
    const { url, db, kafka, topics, stream } = notice;
    const codes = Array.from({ length: PROJECTS }, randomProjectCode);
    const stories = codes.map(projectStory);
    const secrets = stories.flatMap((story) => story.secrets);
    expect(secrets.length).toBeGreaterThan(PROJECTS * 20);
    // The detector finds what is there: the raw events do carry every secret.
    expect(leaks(JSON.stringify(stories), secrets)).toHaveLength(secrets.length);

    await publish(
      kafka,
      Topics.INTAKE_PROJECT,
      stories.flatMap((story) => story.projectEvents),
    );
    await publish(
      kafka,
      Topics.APPROVAL_PROCEDURE,
      stories.flatMap((story) => story.procedureEvents),
    );
    const eventIds = stories.flatMap((story) =>
      [...story.projectEvents, ...story.procedureEvents].map((event) => event.eventId),
    );
    await eventually(async () => {
      const processed = await db.query(
        'SELECT count(*)::int AS n FROM notice.processed_events WHERE event_id = ANY($1::uuid[])',
        [eventIds],
      );
      expect(processed.rows[0].n).toBe(eventIds.length);
    }, 30_000);

    const text = async (path: string) => (await fetch(`${url}${path}`)).text();
    const cards = await Promise.all(
      codes.map(async (code) => JSON.parse(await text(`/api/projects/${code}`))),
    );
    expect(cards.map((view) => view.card.procedures.map((p: { flag: string }) => p.flag))).toEqual(
      codes.map(() => ['NOT_APPLICABLE', 'GREEN', 'GREY']),
    );
    await eventually(() => {
      for (const view of cards)
        expect(topics.messages.filter((m) => m.key === view.card.code)).toHaveLength(view.cardVersion);
      for (const view of cards)
        expect(stream.cards(view.card.code).at(-1)?.cardVersion).toBe(view.cardVersion);
    }, 20_000);

    const outputs = [
      await text('/api/board'),
      await text('/api/board?asOf=2023-02-07'),
      ...(await Promise.all(
        codes.flatMap((code) => [
          text(`/api/projects/${code}`),
          text(`/api/projects/${code}?asOf=2023-02-15`),
        ]),
      )),
      stream.raw(),
      ...topics.messages.filter((m) => codes.includes(m.key)).map((m) => JSON.stringify(m)),
    ];
    const stored = await db.query(`
      SELECT (SELECT json_agg(h) FROM notice.project_history h)::text || (SELECT json_agg(h) FROM notice.procedure_history h)::text
          || (SELECT json_agg(c) FROM notice.cards c)::text || (SELECT json_agg(b) FROM notice.board_changes b)::text
          || (SELECT json_agg(o) FROM notice.outbox o)::text AS everything`);
    expect(leaks(outputs.join('\n'), secrets)).toEqual([]);
    expect(leaks(stored.rows[0].everything, secrets)).toEqual([]);
  }, 90_000);
});
