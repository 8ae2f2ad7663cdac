import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type ServiceConfig } from '@banjie/platform';
import { intakeDatabase } from './database/intake-database';
import { ProjectModule } from './projects/project.module';

@Module({})
export class IntakeAppModule {
  static forConfig(config: ServiceConfig): DynamicModule {
    return {
      module: IntakeAppModule,
      imports: [PlatformModule.forService({ config, database: intakeDatabase, publishesEvents: true }), ProjectModule],
    };
  }
}
