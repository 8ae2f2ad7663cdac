import { z } from 'zod';
import { DepartmentCode } from '../enums';
import { localDate } from './common-fields';
import { defineEvent } from './envelope';
import { Topics } from './topics';
import { deadlineRecipient } from './escalation-raised.v1';

/**
 * A running clock's due date moved because the working-day calendar changed (a year published or
 * corrected, a local override): the department and the project's helpers are told, old → new.
 * Internal; the public board shows the new date through its own recomputation.
 */
export const DueDateChangedV1 = defineEvent(
  Topics.DEADLINE_DUE_DATE,
  'DueDateChanged',
  1,
  z.object({
    noticeId: z.uuid(),
    projectCode: z.string(),
    procedureId: z.string(),
    applicationNumber: z.number().int().min(0),
    department: z.enum(DepartmentCode),
    previousDueDate: localDate.nullable(),
    previousProvisional: z.boolean(),
    dueDate: localDate.nullable(),
    /** Counted across a year nobody has published yet (暂定). */
    provisional: z.boolean(),
    calendarVersion: z.number().int().min(0),
    recipients: z.array(deadlineRecipient),
    reason: z.string(),
    sentAt: z.iso.datetime({ offset: true }),
  }),
);
