import { z } from 'zod';
import { IndustryCluster, LifecycleState, ProjectType } from '../enums';
import { defineEvent } from './envelope';
import { decimalAmount, localDate, projectCode } from './common-fields';
import { Topics } from './topics';

/** What the public board may show about a project. */
export const publicProjectFields = z.object({
  code: projectCode,
  name: z.string(),
  type: z.enum(ProjectType),
  cluster: z.enum(IndustryCluster),
  chain: z.string(),
  location: z.string(),
  responsibleUnit: z.string(),
  totalInvestment: decimalAmount,
  plannedStart: localDate,
  state: z.enum(LifecycleState),
  /** The day the project was put on the key-project list. */
  listedOn: localDate.optional(),
  /** Grows by one with every change of the project: consumers keep the highest. */
  revision: z.number().int().positive().optional(),
});

/** A helper (帮办代办员); `userId` is their login (token subject), which lets them act for the enterprise. */
export const helperContact = z.object({
  name: z.string(),
  phone: z.string().optional(),
  userId: z.string().optional(),
});

/** Internal: for the services that remind and escalate, never for the public. */
export const internalProjectFields = z.object({
  ownerEnterpriseId: z.string(),
  ownerEnterpriseName: z.string(),
  helpers: z.array(helperContact),
  leadingOfficial: z.string(),
  version: z.number().int().positive(),
});

export const ProjectRegisteredV1 = defineEvent(
  Topics.INTAKE_PROJECT,
  'ProjectRegistered',
  1,
  z.object({ public: publicProjectFields, internal: internalProjectFields }),
);
