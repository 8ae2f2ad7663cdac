import { createSecretKey } from 'node:crypto';
import {
  Global,
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type Provider,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { TokenAuthenticator } from './auth/token-authenticator';
import { SERVICE_CONFIG, type ServiceConfig } from './config/service-config';
import { serviceDataSourceOptions, type ServiceDataSourceSpec } from './database/data-source-options';
import { Transactions } from './database/transactions';
import { HttpErrorFilter } from './errors/http-exception.filter';
import { HealthController } from './health/health.controller';
import { KafkaHealthIndicator } from './health/kafka.health';
import { ConsumerMetrics } from './kafka/consumer.metrics';
import { EventConsumer } from './kafka/event-consumer';
import { KafkaProducerService } from './kafka/kafka-producer.service';
import { CorrelationMiddleware } from './logging/correlation.middleware';
import { structuredLogging } from './logging/logging.module';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsRegistry } from './metrics/metrics.registry';
import { OutboxMetrics } from './outbox/outbox.metrics';
import { OutboxRelay } from './outbox/outbox.relay';

export interface PlatformOptions {
  config: ServiceConfig;
  database: Pick<ServiceDataSourceSpec, 'entities' | 'migrations' | 'poolSize'>;
  /** Services that publish events run an outbox relay. */
  publishesEvents: boolean;
  extraProviders?: Provider[];
}

/**
 * The plumbing every Banjie service shares, written once: validated config, JSON logs with
 * correlation ids, Postgres (own schema), Kafka producer, outbox relay, idempotent event consumer
 * with dead letters, JWT authentication, error mapping, /health and /metrics.
 */
@Global()
@Module({})
export class PlatformModule implements NestModule {
  static forService(options: PlatformOptions): DynamicModule {
    const { config } = options;
    const providers: Provider[] = [
      { provide: SERVICE_CONFIG, useValue: config },
      Transactions,
      TokenAuthenticator,
      { provide: APP_GUARD, useClass: JwtAuthGuard },
      { provide: APP_FILTER, useClass: HttpErrorFilter },
      MetricsRegistry,
      KafkaProducerService,
      KafkaHealthIndicator,
      ConsumerMetrics,
      EventConsumer,
      OutboxMetrics,
      ...(options.publishesEvents ? [OutboxRelay] : []),
      ...(options.extraProviders ?? []),
    ];
    return {
      module: PlatformModule,
      imports: [
        structuredLogging(config.serviceName, config.LOG_LEVEL),
        // A KeyObject made once: given the secret as a string, jsonwebtoken tries it as a public key and
        // then builds a secret key on every verification (8 % of a service's CPU under load).
        JwtModule.register({
          secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
          signOptions: { algorithm: 'HS256', issuer: config.JWT_ISSUER },
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json', gracefulShutdownTimeoutMs: 0 }),
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: config.DATABASE_URL,
            schema: config.databaseSchema,
            ...options.database,
          }),
        ),
      ],
      controllers: [HealthController, MetricsController],
      providers,
      exports: [
        SERVICE_CONFIG,
        Transactions,
        TokenAuthenticator,
        KafkaProducerService,
        EventConsumer,
        MetricsRegistry,
        JwtModule,
        ...(options.publishesEvents ? [OutboxRelay] : []),
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('*');
  }
}
