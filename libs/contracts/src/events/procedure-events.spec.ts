import { randomUUID } from 'node:crypto';
import {
  PROCEDURE_EVENTS,
  ProcedureSupplementRequestedV1,
  procedureIdOf,
  type PublicProcedureFields,
} from './index';

const publicSnapshot: PublicProcedureFields = {
  procedureId: procedureIdOf('BJ-2023-0001', 'EIA'),
  projectCode: 'BJ-2023-0001',
  procedure: 'EIA',
  department: 'EEB',
  status: 'SUPPLEMENT_REQUESTED',
  sequence: 4,
  effectiveDate: '2023-02-10',
  applicationNumber: 1,
  committedWorkingDays: 15,
  extensionWorkingDays: 0,
  acceptedOn: '2023-02-01',
  pauses: [{ from: '2023-02-10', to: null }],
  baselineDate: '2023-03-15',
  targetDate: '2023-03-15',
  dueDate: null,
  dueDateUnavailable: null,
  completedOn: null,
  documentNumber: null,
};
const internal = {
  actor: 'eeb-officer',
  actorRole: 'department' as const,
  reason: null,
  ownerEnterpriseId: 'ENT-1',
  helpers: ['helper-1'],
};
const envelope = (payload: unknown) => ({
  eventId: randomUUID(),
  type: 'ProcedureSupplementRequested',
  version: 1,
  occurredAt: '2023-02-10T02:00:00.000Z',
  aggregateId: 'BJ-2023-0001',
  correlationId: 'c-1',
  payload,
});

describe('procedure events', () => {
  it('every procedure event has its own type on the approval topic', () => {
    const types = PROCEDURE_EVENTS.map((e) => e.type);
    expect(new Set(types).size).toBe(types.length);
    expect(new Set(PROCEDURE_EVENTS.map((e) => e.topic))).toEqual(new Set(['approval.procedure.v1']));
  });

  it('a supplement request carries its typed reason in the public part', () => {
    const ok = ProcedureSupplementRequestedV1.envelope.safeParse(
      envelope({ public: { ...publicSnapshot, supplementReason: 'MISSING_DOCUMENT' }, internal }),
    );
    expect(ok.success).toBe(true);
    const untyped = ProcedureSupplementRequestedV1.envelope.safeParse(
      envelope({ public: { ...publicSnapshot, supplementReason: 'because' }, internal }),
    );
    expect(untyped.success).toBe(false);
  });

  it('rejects a procedure id that does not name its project and procedure', () => {
    const bad = ProcedureSupplementRequestedV1.envelope.safeParse(
      envelope({ public: { ...publicSnapshot, procedureId: '42', supplementReason: 'OTHER' }, internal }),
    );
    expect(bad.success).toBe(false);
  });
});
