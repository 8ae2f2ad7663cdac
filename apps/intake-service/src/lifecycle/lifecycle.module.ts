import { Module } from '@nestjs/common';
import { ProjectModule } from '../projects/project.module';
import { LifecycleController } from './lifecycle.controller';
import { LifecycleRepository } from './lifecycle.repository';
import { LifecycleService } from './lifecycle.service';

@Module({
  imports: [ProjectModule],
  controllers: [LifecycleController],
  providers: [LifecycleService, LifecycleRepository],
})
export class LifecycleModule {}
