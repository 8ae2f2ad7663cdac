import { EscalationEntity } from '../escalations/escalation.entity';
import { CreateDeadlineTables1764300200000 } from './migrations/1764300200000-create-deadline-tables';
import { CreateProcedureClockTables1764300300000 } from './migrations/1764300300000-create-procedure-clock-tables';
import { CreateWebhookTables1764300400000 } from './migrations/1764300400000-create-webhook-tables';

export const deadlineDatabase = {
  entities: [EscalationEntity],
  migrations: [CreateDeadlineTables1764300200000, CreateProcedureClockTables1764300300000, CreateWebhookTables1764300400000],
};
