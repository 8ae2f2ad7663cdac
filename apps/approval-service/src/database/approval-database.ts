import { AddAcceptanceWindow1764700100000 } from './migrations/1764700100000-add-acceptance-window';
import { CreateApprovalTables1764300300000 } from './migrations/1764300300000-create-approval-tables';
import { CreateCalendarPublicationTables1764600100000 } from './migrations/1764600100000-create-calendar-publication-tables';
import { RecordProjectChain1764700300000 } from './migrations/1764700300000-record-project-chain';
import { ScopeKeysAndLogSecurityEvents1764500100000 } from './migrations/1764500100000-scope-keys-and-log-security-events';

/** The approval service talks to its tables in SQL (repositories); TypeORM runs the migrations. */
export const approvalDatabase = {
  entities: [],
  migrations: [
    CreateApprovalTables1764300300000,
    ScopeKeysAndLogSecurityEvents1764500100000,
    CreateCalendarPublicationTables1764600100000,
    AddAcceptanceWindow1764700100000,
    RecordProjectChain1764700300000,
  ],
};
