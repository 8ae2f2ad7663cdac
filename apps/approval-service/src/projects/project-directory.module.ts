import { Module } from '@nestjs/common';
import { ProjectDirectoryConsumer } from './project-directory.consumer';
import { ProjectDirectoryRepository } from './project-directory.repository';

@Module({
  controllers: [ProjectDirectoryConsumer],
  providers: [ProjectDirectoryRepository],
  exports: [ProjectDirectoryRepository],
})
export class ProjectDirectoryModule {}
