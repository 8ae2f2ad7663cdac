import { CreateCalendarReplicaTable1764600000000 } from '@banjie/platform';
import { CreateDeadlineTables1764300200000 } from './migrations/1764300200000-create-deadline-tables';
import { CreateProcedureClockTables1764300300000 } from './migrations/1764300300000-create-procedure-clock-tables';
import { CreateWebhookTables1764300400000 } from './migrations/1764300400000-create-webhook-tables';
import { FollowThePublishedCalendar1764600200000 } from './migrations/1764600200000-follow-the-published-calendar';
import { CountByListingDay1764900000000 } from './migrations/1764900000000-count-by-listing-day';
import { WithdrawEscalations1764900100000 } from './migrations/1764900100000-withdraw-escalations';
import { FollowAcceptanceWindows1765000200000 } from './migrations/1765000200000-follow-acceptance-windows';
import { ReraiseWithdrawnRungs1765000300000 } from './migrations/1765000300000-reraise-withdrawn-rungs';
import { BackfillAcceptanceWindows1765000400000 } from './migrations/1765000400000-backfill-acceptance-windows';

/** The deadline service talks SQL through its repositories: no TypeORM entities. */
export const deadlineDatabase = {
  entities: [],
  migrations: [
    CreateDeadlineTables1764300200000,
    CreateProcedureClockTables1764300300000,
    CreateWebhookTables1764300400000,
    CreateCalendarReplicaTable1764600000000,
    FollowThePublishedCalendar1764600200000,
    CountByListingDay1764900000000,
    WithdrawEscalations1764900100000,
    FollowAcceptanceWindows1765000200000,
    ReraiseWithdrawnRungs1765000300000,
    BackfillAcceptanceWindows1765000400000,
  ],
};
