import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type ServiceConfig } from '@banjie/platform';
import { CompletionsModule } from './completions/completions.module';
import { intakeDatabase } from './database/intake-database';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { PlanModule } from './plans/plan.module';
import { PortfolioModule } from './portfolio/portfolio.module';
import { ProjectModule } from './projects/project.module';

@Module({})
export class IntakeAppModule {
  static forConfig(config: ServiceConfig): DynamicModule {
    return {
      module: IntakeAppModule,
      imports: [
        PlatformModule.forService({ config, database: intakeDatabase, publishesEvents: true }),
        ProjectModule,
        LifecycleModule,
        PlanModule,
        PortfolioModule,
        CompletionsModule,
      ],
    };
  }
}
