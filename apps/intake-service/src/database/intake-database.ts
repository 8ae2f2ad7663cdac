import { CreateProjects1764300100000 } from './migrations/1764300100000-create-projects';
import { TrackApprovalOutcomes1764300400000 } from './migrations/1764300400000-track-approval-outcomes';
import { NumberCodesPerListedYear1764300500000 } from './migrations/1764300500000-number-codes-per-listed-year';

/** The intake service talks to its tables in SQL (repositories); TypeORM runs the migrations. */
export const intakeDatabase = {
  entities: [],
  migrations: [
    CreateProjects1764300100000,
    TrackApprovalOutcomes1764300400000,
    NumberCodesPerListedYear1764300500000,
  ],
};
