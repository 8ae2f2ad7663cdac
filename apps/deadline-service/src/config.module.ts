import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DEADLINE_CONFIG, type DeadlineConfig } from './config';

/** The service's configuration, read by nearly every module: global, so no module has to be built for it. */
@Global()
@Module({})
export class DeadlineConfigModule {
  static forConfig(config: DeadlineConfig): DynamicModule {
    return {
      module: DeadlineConfigModule,
      providers: [{ provide: DEADLINE_CONFIG, useValue: config }],
      exports: [DEADLINE_CONFIG],
    };
  }
}
