import { EscalationEntity } from '../escalations/escalation.entity';
import { CreateDeadlineTables1764300200000 } from './migrations/1764300200000-create-deadline-tables';

export const deadlineDatabase = {
  entities: [EscalationEntity],
  migrations: [CreateDeadlineTables1764300200000],
};
