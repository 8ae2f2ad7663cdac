import { CreateCalendarReplicaTable1764600000000 } from '@banjie/platform';
import { CreateNoticeTables1764300500000 } from './migrations/1764300500000-create-notice-tables';

/** The notice service talks SQL through its repositories: no TypeORM entities. */
export const noticeDatabase = {
  entities: [],
  migrations: [CreateNoticeTables1764300500000, CreateCalendarReplicaTable1764600000000],
};
