import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Topics, type PlanItem } from '@banjie/contracts';
import {
  eventually,
  intakeClient,
  planItems,
  recordEvents,
  sampleRegistration,
  type EventRecorder,
} from '@banjie/testing';
import { startIsolatedIntake } from '../test/intake-api';

describe('a plan item overrides the acceptance window, on real PostgreSQL and Kafka', () => {
  let app: INestApplication;
  let recorder: EventRecorder<{
    type: string;
    aggregateId: string;
    payload: { public: { items: PlanItem[] } };
  }>;

  beforeAll(async () => {
    ({ app } = await startIsolatedIntake());
    recorder = await recordEvents([Topics.INTAKE_PROCEDURE_PLAN]);
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([recorder?.stop(), app?.close()]);
  }, 30_000);

  const admin = () => intakeClient(app, { sub: 'admin-1', role: 'admin' });

  async function registerProject(): Promise<string> {
    const response = await admin()<{ code: string }>('POST', '/projects', {
      ...sampleRegistration,
      name: '受理时限项目',
    });
    expect(response.status).toBe(201);
    return response.body.code;
  }

  it('refuses a window that is not 1..20 whole working days, or on an item that is not REQUIRED, by field, storing nothing', async () => {
    const code = await registerProject();
    const refused: [exceptions: Record<string, Record<string, unknown>>, field: string, rule: string][] = [
      [
        { EIA: { procedure: 'EIA', applicability: 'REQUIRED', acceptanceWorkingDays: 21 } },
        'items[6].acceptanceWorkingDays',
        'must be a whole number of working days from 1 to 20',
      ],
      [
        { EIA: { procedure: 'EIA', applicability: 'REQUIRED', acceptanceWorkingDays: 1.5 } },
        'items[6].acceptanceWorkingDays',
        'must be a whole number of working days from 1 to 20',
      ],
      [
        { SAFETY: { procedure: 'SAFETY', applicability: 'NOT_APPLICABLE', acceptanceWorkingDays: 5 } },
        'items[7].acceptanceWorkingDays',
        'only a REQUIRED procedure has a acceptanceWorkingDays',
      ],
      [
        { EIA: { procedure: 'EIA', applicability: 'REQUIRED', acceptanceWorkingDays: '5' } },
        'items.6.acceptanceWorkingDays',
        'acceptanceWorkingDays must be a number conforming to the specified constraints',
      ],
    ];
    for (const [exceptions, field, rule] of refused) {
      const response = await admin()<{ fields: { field: string; rules: string[] }[] }>(
        'PUT',
        `/projects/${code}/plan`,
        { items: planItems('2023-03-31', exceptions) },
      );
      expect(response.status).toBe(400);
      expect(response.body.fields).toEqual([{ field, rules: [rule] }]);
    }
    expect((await admin()('GET', `/projects/${code}/plan`)).status).toBe(404);
  });

  it('stores the override, shows it in the plan and its versions, and publishes it; other items keep the catalogue window', async () => {
    const code = await registerProject();
    const put = await admin()('PUT', `/projects/${code}/plan`, {
      items: planItems('2023-03-31', {
        EIA: {
          procedure: 'EIA',
          applicability: 'REQUIRED',
          targetDate: '2023-03-31',
          acceptanceWorkingDays: 10,
        },
      }),
      effectiveDate: '2023-01-06',
    });
    expect(put.status).toBe(200);

    const shown = await admin()<{ items: PlanItem[] }>('GET', `/projects/${code}/plan`);
    const byProcedure = new Map(shown.body.items.map((item) => [item.procedure, item]));
    expect(byProcedure.get('EIA')).toMatchObject({ applicability: 'REQUIRED', acceptanceWorkingDays: 10 });
    expect(byProcedure.get('SAFETY')).not.toHaveProperty('acceptanceWorkingDays');
    const versions = await admin()<{ items: { items: PlanItem[] }[] }>(
      'GET',
      `/projects/${code}/plan/versions`,
    );
    expect(versions.body.items[0]!.items.find((item) => item.procedure === 'EIA')).toMatchObject({
      acceptanceWorkingDays: 10,
    });

    await eventually(() => {
      const [published] = recorder.received.filter(
        (event) => event.type === 'ProcedurePlanChanged' && event.aggregateId === code,
      );
      expect(published?.payload.public.items.find((item) => item.procedure === 'EIA')).toMatchObject({
        acceptanceWorkingDays: 10,
      });
    });
  });
});
