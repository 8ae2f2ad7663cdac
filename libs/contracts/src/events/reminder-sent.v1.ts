import { z } from 'zod';
import { DepartmentCode } from '../enums';
import { localDate } from './common-fields';
import { defineEvent } from './envelope';
import { Topics } from './topics';
import { deadlineRecipient } from './escalation-raised.v1';

/** A rung of a procedure's reminder ladder was reached: the department and the project's helpers are reminded once. */
export const ReminderSentV1 = defineEvent(
  Topics.DEADLINE_REMINDER,
  'ReminderSent',
  1,
  z.object({
    reminderId: z.uuid(),
    subject: z.string(),
    rung: z.string(),
    projectCode: z.string(),
    procedureId: z.string(),
    applicationNumber: z.number().int().min(0),
    department: z.enum(DepartmentCode),
    dueDate: localDate,
    /** The due date is provisional (暂定: counted across a year not published yet). Optional, added within v1. */
    provisional: z.boolean().optional(),
    calendarVersion: z.number().int().min(0).optional(),
    /** Working days left on the day of the reminder (0 on the due day). */
    remainingWorkingDays: z.number().int(),
    recipients: z.array(deadlineRecipient),
    reason: z.string(),
    sentAt: z.iso.datetime({ offset: true }),
  }),
);
