import { ProjectEntity } from '../projects/project.entity';
import { CreateProjects1764300100000 } from './migrations/1764300100000-create-projects';

export const intakeDatabase = {
  entities: [ProjectEntity],
  migrations: [CreateProjects1764300100000],
};
