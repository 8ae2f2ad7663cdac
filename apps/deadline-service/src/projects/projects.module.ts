import { Module } from '@nestjs/common';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { ProjectDirectoryConsumer } from './project-directory.consumer';
import { ProjectDirectoryRepository } from './project-directory.repository';
import { ProjectStartWatchStarter } from './project-start-watch.starter';

/** The project directory kept from the intake events, and each project's start watch. */
@Module({
  imports: [TemporalClientModule],
  controllers: [ProjectDirectoryConsumer],
  providers: [ProjectDirectoryRepository, ProjectStartWatchStarter],
})
export class ProjectsModule {}
