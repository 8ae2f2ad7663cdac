import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Kafka, Message, Producer, ITopicConfig } from 'kafkajs';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { createKafkaClient } from './kafka-client';

/**
 * The service's one Kafka producer (outbox relay and dead letters) and admin access. Ordering per
 * key matters more than throughput, so one request is in flight at a time and every write is
 * acknowledged by all in-sync replicas.
 */
@Injectable()
export class KafkaProducerService implements OnModuleInit, OnApplicationShutdown {
  readonly kafka: Kafka;
  private readonly producer: Producer;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.kafka = createKafkaClient(`${config.serviceName}-producer`, config.KAFKA_BROKERS);
    this.producer = this.kafka.producer({
      allowAutoTopicCreation: false,
      maxInFlightRequests: 1,
      idempotent: false,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.producer.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }

  async sendBatch(topicMessages: { topic: string; messages: Message[] }[]): Promise<void> {
    await this.producer.sendBatch({ topicMessages, acks: -1 });
  }

  /** Creates topics that do not exist yet (idempotent). */
  async ensureTopics(topics: ITopicConfig[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((topic) => !existing.has(topic.topic));
      if (missing.length === 0) return;
      try {
        await admin.createTopics({ topics: missing, waitForLeaders: true });
      } catch (error) {
        // Another service may have created some of them at the same moment: fine if all exist now.
        const nowExisting = new Set(await admin.listTopics());
        if (!missing.every((topic) => nowExisting.has(topic.topic))) throw error;
      }
    } finally {
      await admin.disconnect();
    }
  }

  async brokerAnswers(): Promise<boolean> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return (await admin.describeCluster()).brokers.length > 0;
    } finally {
      await admin.disconnect();
    }
  }
}
