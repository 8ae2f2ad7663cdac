import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { ALL_TOPICS, deadLetterTopic } from '@banjie/contracts';
import type { ServiceConfig } from './config/service-config';
import { strictValidationPipe } from './errors/validation.pipe';
import { limitHttpExposure, type HttpExposureOptions } from './http/http-exposure';
import { BatchingKafkaServer } from './kafka/batching-kafka-server';
import { KafkaProducerService } from './kafka/kafka-producer.service';

export interface ServiceAppOptions extends HttpExposureOptions {
  title: string;
  description: string;
  /** The Kafka consumer group of the service, if it consumes events (@EventPattern handlers, given batches: KafkaBatchContext). */
  consumerGroup?: string;
  host?: string;
}

/**
 * Builds and starts a Banjie service: JSON logger, what HTTP shows (limitHttpExposure), strict
 * validation, OpenAPI at /docs and /docs-json, Kafka topics ensured, the Kafka transport of
 * @nestjs/microservices for its event handlers, graceful shutdown, and the HTTP listener.
 */
export async function startServiceApp(
  module: DynamicModule,
  config: ServiceConfig,
  options: ServiceAppOptions,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(PinoLogger));
  limitHttpExposure(app, options);
  app.use(json({ limit: '256kb' }));
  app.useGlobalPipes(strictValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });

  await app.get(KafkaProducerService).ensureTopics(
    ALL_TOPICS.flatMap((topic) => [
      { topic: topic.name, numPartitions: topic.partitions },
      { topic: deadLetterTopic(topic.name), numPartitions: 1 },
    ]),
  );

  if (options.consumerGroup) {
    app.connectMicroservice<MicroserviceOptions>(
      {
        strategy: new BatchingKafkaServer({
          postfixId: '',
          client: { clientId: `${config.serviceName}-consumer`, brokers: config.KAFKA_BROKERS },
          consumer: {
            groupId: config.KAFKA_CONSUMER_GROUP ?? options.consumerGroup,
            sessionTimeout: 10_000,
            heartbeatInterval: 2_000,
            maxWaitTimeInMs: 1_000,
            allowAutoTopicCreation: false,
          },
          subscribe: { fromBeginning: true },
          // Partitions in parallel (order only matters within one): one partition's database work overlaps another's waits.
          run: { autoCommit: true, partitionsConsumedConcurrently: 3 },
        }),
      },
      { inheritAppConfig: true },
    );
    await app.startAllMicroservices();
  }
  await app.listen(config.httpPort, options.host ?? config.HTTP_HOST);
  return app;
}

/** Runs a service's main, failing fast with the reason (a bad variable, an unreachable broker). */
export function runService(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

export interface ServiceCommandLine {
  /** Without an argument: the service itself, until it is stopped. */
  serve(): Promise<unknown>;
  /** `migrate`: applies the service's migrations to its schema; resolves with the ones applied. */
  migrate(): Promise<string[]>;
  /** Further one-shot commands by name: each resolves with the line to print. */
  commands?: Record<string, () => Promise<string>>;
}

/**
 * A service's main as a small command line, so scripts and tests run its migrations (and other
 * one-shot jobs) as a process instead of importing the service: no argument runs the service;
 * a command prints its outcome and exits 0; anything else prints the usage and exits 2.
 */
export function runServiceCommandLine(
  service: string,
  commandLine: ServiceCommandLine,
  args: string[] = process.argv.slice(2),
): void {
  if (args.length === 0) return runService(commandLine.serve);
  const commands: Record<string, () => Promise<string>> = {
    migrate: async () => {
      const applied = await commandLine.migrate();
      return applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`;
    },
    ...commandLine.commands,
  };
  const [name] = args;
  if (args.length > 1 || !Object.hasOwn(commands, name!)) {
    process.stderr.write(`usage: ${service} [${Object.keys(commands).join(' | ')}]\n`);
    process.exit(2);
  }
  runService(async () => {
    process.stdout.write(`${await commands[name!]!()}\n`);
    process.exit(0);
  });
}
