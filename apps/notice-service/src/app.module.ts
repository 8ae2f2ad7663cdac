import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@banjie/platform';
import { BoardModule } from './board/board.module';
import type { Clock } from './clock/clock';
import type { NoticeConfig } from './config';
import { noticeDatabase } from './database/notice-database';

@Module({})
export class NoticeAppModule {
  static forConfig(config: NoticeConfig, clock: Clock): DynamicModule {
    return {
      module: NoticeAppModule,
      imports: [
        PlatformModule.forService({ config, database: noticeDatabase, publishesEvents: true }),
        BoardModule.forConfig(config, clock),
      ],
    };
  }
}
