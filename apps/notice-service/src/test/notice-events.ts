import { randomUUID } from 'node:crypto';
import {
  PROCEDURE_EVENTS,
  ProjectLifecycleChangedV1,
  ProjectRegisteredV1,
  ProjectUpdatedV1,
  procedureIdOf,
  type EnvelopeOf,
  type InternalProcedureFields,
  type LifecycleState,
  type PayloadOf,
  type ProcedureCode,
  type PublicProcedureFields,
} from '@banjie/contracts';
import { PROCEDURE_CATALOGUE } from '@banjie/domain';

/** Real envelopes of the events the notice service consumes, validated against their contracts. */

type ProjectPublic = PayloadOf<typeof ProjectRegisteredV1>['public'];
type ProjectInternal = PayloadOf<typeof ProjectRegisteredV1>['internal'];
type ProcedureEventType = (typeof PROCEDURE_EVENTS)[number]['type'];

export const randomProjectCode = (): string =>
  `BJ-2023-${String(100_000 + Math.floor(Math.random() * 899_999))}`;

export function projectPublic(code: string, overrides: Partial<ProjectPublic> = {}): ProjectPublic {
  return {
    code,
    name: '玉门抽水蓄能电站',
    type: 'NEW',
    cluster: 'NEW_ENERGY_EQUIPMENT',
    chain: '新能源',
    location: '玉门市',
    responsibleUnit: '玉门市发展和改革局',
    totalInvestment: '102',
    plannedStart: '2023-03-16',
    state: 'PREPARING',
    listedOn: '2023-01-17',
    revision: 1,
    ...overrides,
  };
}

export const sampleProjectInternal: ProjectInternal = {
  ownerEnterpriseId: 'ENT-YM-001',
  ownerEnterpriseName: '甘肃玉门抽水蓄能有限公司',
  helpers: [{ name: '曹淑芳', phone: '15214706745', userId: 'helper-cao' }],
  leadingOfficial: '陈市长',
  version: 1,
};

function envelope<T extends string, P>(
  type: T,
  aggregateId: string,
  payload: P,
  occurredAt = new Date().toISOString(),
) {
  return {
    eventId: randomUUID(),
    type,
    version: 1,
    occurredAt,
    aggregateId,
    correlationId: `test-${randomUUID()}`,
    payload,
  };
}

export function projectRegistered(
  published: ProjectPublic,
  internal: ProjectInternal = sampleProjectInternal,
): EnvelopeOf<typeof ProjectRegisteredV1> {
  return ProjectRegisteredV1.envelope.parse(
    envelope('ProjectRegistered', published.code, { public: published, internal }),
  );
}

export function projectUpdated(
  published: ProjectPublic,
  internal: ProjectInternal = sampleProjectInternal,
  occurredAt?: string,
): EnvelopeOf<typeof ProjectUpdatedV1> {
  const changes = { changedFields: ['name'], actor: 'dispatch-1', reason: '更正项目名称' };
  return ProjectUpdatedV1.envelope.parse(
    envelope(
      'ProjectUpdated',
      published.code,
      { public: published, internal: { ...internal, ...changes } },
      occurredAt,
    ),
  );
}

export function projectLifecycleChanged(
  published: ProjectPublic,
  transition: { from: LifecycleState; to: LifecycleState; effectiveDate: string },
  internal: ProjectInternal = sampleProjectInternal,
): EnvelopeOf<typeof ProjectLifecycleChangedV1> {
  const payload = {
    public: { ...published, state: transition.to, transition },
    internal: { ...internal, actor: 'dispatch-1', reason: '集中开工' },
  };
  return ProjectLifecycleChangedV1.envelope.parse(
    envelope('ProjectLifecycleChanged', published.code, payload),
  );
}

/** A procedure's public snapshot, planned by default, with the catalogue's department and limit. */
export function procedurePublic(
  project: string,
  procedure: ProcedureCode,
  overrides: Partial<PublicProcedureFields> = {},
): PublicProcedureFields {
  const definition = PROCEDURE_CATALOGUE[procedure];
  return {
    procedureId: procedureIdOf(project, procedure),
    projectCode: project,
    procedure,
    department: definition.department,
    status: 'PLANNED',
    sequence: 1,
    effectiveDate: '2023-01-17',
    applicationNumber: 0,
    committedWorkingDays: definition.committedWorkingDays,
    extensionWorkingDays: 0,
    acceptedOn: null,
    pauses: [],
    baselineDate: '2023-03-31',
    targetDate: '2023-03-31',
    dueDate: null,
    dueDateUnavailable: null,
    completedOn: null,
    documentNumber: null,
    ...overrides,
  };
}

export const sampleProcedureInternal: InternalProcedureFields = {
  actor: 'eeb-clerk-1',
  actorRole: 'department',
  reason: null,
  ownerEnterpriseId: 'ENT-YM-001',
  helpers: ['helper-cao'],
};

export function procedureEvent(
  type: ProcedureEventType,
  published: PublicProcedureFields,
  internal: InternalProcedureFields = sampleProcedureInternal,
) {
  const definition = PROCEDURE_EVENTS.find((candidate) => candidate.type === type)!;
  // The public fields some events add to the snapshot (which the board does not show).
  const extra =
    {
      ProcedureSupplementRequested: { supplementReason: 'MISSING_DOCUMENT' },
      ProcedureExtended: { extensionDays: 5 },
    }[type as string] ?? {};
  return definition.envelope.parse(
    envelope(type, published.projectCode, { public: { ...published, ...extra }, internal }),
  ) as EnvelopeOf<(typeof PROCEDURE_EVENTS)[number]>;
}
