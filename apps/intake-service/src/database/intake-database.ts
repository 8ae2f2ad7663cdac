import { ProjectEntity } from '../projects/project.entity';
import { CreateProjects1764300100000 } from './migrations/1764300100000-create-projects';
import { TrackApprovalOutcomes1764300400000 } from './migrations/1764300400000-track-approval-outcomes';

export const intakeDatabase = {
  entities: [ProjectEntity],
  migrations: [CreateProjects1764300100000, TrackApprovalOutcomes1764300400000],
};
