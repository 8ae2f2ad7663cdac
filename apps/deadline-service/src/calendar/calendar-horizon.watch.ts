import { Inject, Injectable } from '@nestjs/common';
import { calendarHorizonWarning, lastKnownYearOf, shanghaiLocalDate } from '@banjie/domain';
import { DEADLINE_CONFIG, type DeadlineConfig } from '../config';
import { EscalationService } from '../escalations/escalation.service';
import { DeadlineCalendar } from './deadline-calendar';

export const CALENDAR_NOT_PUBLISHED = 'CALENDAR_NOT_PUBLISHED';

/**
 * From CALENDAR_HORIZON_WARNING_FROM (default 1 November) while next year is not published, the
 * admins get one escalation per missing year (the ledger's (subject, rung) key: not one a day).
 */
@Injectable()
export class CalendarHorizonWatch {
  constructor(
    private readonly calendars: DeadlineCalendar,
    private readonly escalations: EscalationService,
    @Inject(DEADLINE_CONFIG) private readonly config: DeadlineConfig,
  ) {}

  /** True when this look raised the escalation. */
  async look(now: Date = new Date()): Promise<boolean> {
    const calendar = await this.calendars.replica.fresh();
    const warning = calendarHorizonWarning(
      shanghaiLocalDate(now),
      lastKnownYearOf(calendar),
      this.config.calendarHorizonWarningFrom,
    );
    if (warning === null) return false;
    const id = await this.escalations.raise(
      {
        subject: `calendar:${warning.year}`,
        rung: CALENDAR_NOT_PUBLISHED,
        projectCode: 'PORTFOLIO',
        recipients: [{ kind: 'ADMINS' }],
        reason: warning.reason,
      },
      now,
    );
    return id !== null;
  }
}
