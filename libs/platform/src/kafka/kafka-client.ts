import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import { Logger } from '@nestjs/common';

const levelNames: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/** A kafkajs client whose logs go through the service's logger. */
export function createKafkaClient(clientId: string, brokers: string[]): Kafka {
  const logger = new Logger('kafkajs');
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      const method = levelNames[entry.level] ?? 'log';
      const { message, ...rest } = entry.log;
      logger[method]({ ...rest, namespace: entry.namespace }, message);
    },
    retry: { initialRetryTime: 200, retries: 8 },
  });
}
