import Decimal from 'decimal.js';
import type { PayloadOf, ProjectRegisteredV1 } from '@banjie/contracts';
import type { Actor } from '@banjie/platform';
import { readsPeopleData } from './people-data';
import type { Project } from './project';

/** 102.0000 → "102": the exact amount, without storage padding. */
export function normaliseDecimal(value: string): string {
  return new Decimal(value).toString();
}

export function projectEventPayload(project: Project): PayloadOf<typeof ProjectRegisteredV1> {
  return {
    public: {
      code: project.code,
      name: project.name,
      type: project.type,
      cluster: project.cluster,
      chain: project.chain,
      location: project.location,
      responsibleUnit: project.responsibleUnit,
      totalInvestment: normaliseDecimal(project.totalInvestment),
      plannedStart: project.plannedStart,
      state: project.state,
      listedOn: project.listedOn,
      revision: project.version,
    },
    internal: {
      ownerEnterpriseId: project.ownerEnterpriseId,
      ownerEnterpriseName: project.ownerEnterpriseName,
      helpers: project.helpers,
      leadingOfficial: project.leadingOfficial,
      version: project.version,
    },
  };
}

/** The project as the intake API returns it to `actor`: with its internal fields only for those who read people data. */
export function projectView(project: Project, actor: Actor) {
  const { public: publicFields, internal } = projectEventPayload(project);
  const dates = { registeredAt: project.registeredAt, updatedAt: project.updatedAt };
  return readsPeopleData(actor, project)
    ? { ...publicFields, ...internal, ...dates }
    : { ...publicFields, ...dates };
}
