import { CreateCalendarReplicaTable1764600000000 } from '@banjie/platform';
import { EscalationEntity } from '../escalations/escalation.entity';
import { CreateDeadlineTables1764300200000 } from './migrations/1764300200000-create-deadline-tables';
import { CreateProcedureClockTables1764300300000 } from './migrations/1764300300000-create-procedure-clock-tables';
import { CreateWebhookTables1764300400000 } from './migrations/1764300400000-create-webhook-tables';
import { FollowThePublishedCalendar1764600200000 } from './migrations/1764600200000-follow-the-published-calendar';

export const deadlineDatabase = {
  entities: [EscalationEntity],
  migrations: [
    CreateDeadlineTables1764300200000,
    CreateProcedureClockTables1764300300000,
    CreateWebhookTables1764300400000,
    CreateCalendarReplicaTable1764600000000,
    FollowThePublishedCalendar1764600200000,
  ],
};
