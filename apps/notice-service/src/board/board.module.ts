import { Module, type DynamicModule } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { CalendarReplica, calendarReplicaProvider } from '@banjie/platform';
import type { Request } from 'express';
import { CalendarEventsConsumer } from '../calendar/calendar-events.consumer';
import { CLOCK, type Clock } from '../clock/clock';
import { NOTICE_CONFIG, type NoticeConfig } from '../config';
import { BoardEventsConsumer } from '../events/board-events.consumer';
import { publicClientOf } from '../http/public-client';
import { PublicHistoryRepository } from '../history/public-history.repository';
import { DepartmentRecordsReader } from '../departments/department-records.reader';
import { DepartmentsController } from '../departments/departments.controller';
import { PageController } from '../page/page.controller';
import { BoardStreamController } from '../stream/board-stream.controller';
import { BoardStreamMetrics } from '../stream/board-stream.metrics';
import { BoardStream } from '../stream/board-stream.service';
import { BoardProjector } from './board-projector';
import { BoardReader } from './board-reader.service';
import { BoardUpdater } from './board-updater.service';
import { BoardController } from './board.controller';
import { BOARD_PROJECTOR, CARD_CALCULATOR, FLAG_RULES } from './board.tokens';
import { CardCalculator } from './card-calculator';
import { CardRepository } from './card.repository';
import type { FlagRules } from './procedure-reading';
import { MidnightRefresh } from './midnight-refresh';

@Module({})
export class BoardModule {
  static forConfig(config: NoticeConfig, clock: Clock): DynamicModule {
    return {
      module: BoardModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: config.rateLimit.windowMs, limit: config.rateLimit.limit }],
          // One budget per client across every public endpoint, not one per endpoint.
          generateKey: (_context, tracker, throttler) => `${throttler}:${tracker}`,
          // The same client as the stream limits count.
          getTracker: (request) => publicClientOf(request as Request),
        }),
      ],
      controllers: [
        BoardController,
        DepartmentsController,
        BoardStreamController,
        PageController,
        BoardEventsConsumer,
        CalendarEventsConsumer,
      ],
      providers: [
        { provide: NOTICE_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        PublicHistoryRepository,
        calendarReplicaProvider(config.databaseSchema),
        CardRepository,
        {
          provide: FLAG_RULES,
          inject: [NOTICE_CONFIG, CalendarReplica],
          useFactory: (config: NoticeConfig, calendar: CalendarReplica): FlagRules => ({
            get calendar() {
              return calendar.current;
            },
            dueSoonWorkingDays: config.dueSoonWorkingDays,
          }),
        },
        {
          provide: CARD_CALCULATOR,
          inject: [PublicHistoryRepository, FLAG_RULES],
          useFactory: (history: PublicHistoryRepository, rules: FlagRules) =>
            new CardCalculator(history, rules),
        },
        {
          provide: BOARD_PROJECTOR,
          inject: [CARD_CALCULATOR, CardRepository],
          useFactory: (calculator: CardCalculator, cardRepository: CardRepository) =>
            new BoardProjector(calculator, cardRepository),
        },
        BoardUpdater,
        BoardReader,
        DepartmentRecordsReader,
        BoardStream,
        BoardStreamMetrics,
        MidnightRefresh,
      ],
    };
  }
}
