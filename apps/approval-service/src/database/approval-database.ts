import { CreateApprovalTables1764300300000 } from './migrations/1764300300000-create-approval-tables';

/** The approval service talks to its tables in SQL (repositories); TypeORM runs the migrations. */
export const approvalDatabase = {
  entities: [],
  migrations: [CreateApprovalTables1764300300000],
};
