import {
  CalendarReplica,
  CalendarReplicaRepository,
  runMigrations,
  serviceDataSourceOptions,
  startServiceApp,
  Transactions,
  withDataSource,
} from '@banjie/platform';
import { NoticeAppModule } from './app.module';
import { BoardProjector, type RefreshOutcome } from './board/board-projector';
import { CardCalculator } from './board/card-calculator';
import { CardRepository } from './board/card.repository';
import { systemClock, todayIn, type Clock } from './clock/clock';
import { noticeConfig } from './config';
import { noticeDatabase } from './database/notice-database';
import { PublicHistoryRepository } from './history/public-history.repository';

/** The service's Kafka consumer group, unless KAFKA_CONSUMER_GROUP names another. */
export const NOTICE_CONSUMER_GROUP = 'notice-service';

export interface NoticeServiceOptions {
  /** The service's "now" (default: the system clock); tests set the day and let midnight pass. */
  clock?: Clock;
}

export function startNoticeService(env: NodeJS.ProcessEnv = process.env, options: NoticeServiceOptions = {}) {
  const config = noticeConfig(env);
  return startServiceApp(NoticeAppModule.forConfig(config, options.clock ?? systemClock), config, {
    title: 'Banjie notice service',
    description:
      "The public flag board (重点项目前期手续挂旗公示): every key project's procedures, live, for public displays. No token needed (except for /metrics and /docs: admin or supervisor).",
    consumerGroup: NOTICE_CONSUMER_GROUP,
    // The one service on a public port: its operations endpoints are not for the public.
    operationsNeedToken: true,
  });
}

export function migrateNotice(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const config = noticeConfig(env);
  return runMigrations(
    serviceDataSourceOptions({ url: config.DATABASE_URL, schema: config.databaseSchema, ...noticeDatabase }),
  );
}

/**
 * Rebuilds the board from the stored public history alone (see README: why not from Kafka), as of
 * today. Safe while the service runs: it takes the same board lock as the consumer.
 */
export async function rebuildNoticeBoard(
  env: NodeJS.ProcessEnv = process.env,
  clock: Clock = systemClock,
): Promise<RefreshOutcome> {
  const config = noticeConfig(env);
  const options = serviceDataSourceOptions({
    url: config.DATABASE_URL,
    schema: config.databaseSchema,
    ...noticeDatabase,
    poolSize: 2,
  });
  return withDataSource(options, async (dataSource) => {
    const calendar = await new CalendarReplica(
      new CalendarReplicaRepository(dataSource, config.databaseSchema),
    ).load();
    const calculator = new CardCalculator(new PublicHistoryRepository(), {
      calendar,
      dueSoonWorkingDays: config.dueSoonWorkingDays,
    });
    const projector = new BoardProjector(calculator, new CardRepository(dataSource));
    return new Transactions(dataSource).run((tx) => projector.rebuild(tx, todayIn(clock), clock.now()));
  });
}
