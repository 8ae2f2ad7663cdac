import { z } from 'zod';
import { localDate, projectCode } from './common-fields';
import { defineEvent } from './envelope';
import { procedureId } from './procedure-event';
import { Topics } from './topics';

/**
 * The acceptance window of one submission lapsed with no decision (deadline service → approval
 * service): the approval service deems the application accepted as of `receivedOn` (art. 32) if it
 * still waits — the same application, the same materials, no decision since. Internal; keyed by
 * project code. Sent again while no decision is heard of; applying it twice changes nothing.
 */
export const AcceptanceWindowLapsedV1 = defineEvent(
  Topics.DEADLINE_ACCEPTANCE,
  'AcceptanceWindowLapsed',
  1,
  z.object({
    procedureId,
    projectCode,
    applicationNumber: z.number().int().positive(),
    /** The day the complete materials were received: the submission, or the delivery of the supplement asked for before acceptance. */
    receivedOn: localDate,
    /** The window's last day, as the deadline service counted it. */
    acceptanceDueDate: localDate,
    lapsedAt: z.iso.datetime({ offset: true }),
  }),
);
