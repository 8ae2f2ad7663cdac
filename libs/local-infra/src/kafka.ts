import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { spawnLogged, type ManagedProcess } from './child-process';
import { resolveClasspath } from './maven-classpath';
import { repoRoot } from './paths';
import { requireTool } from './tools';
import { waitUntil } from './wait';

export interface KafkaOptions {
  dataDir: string;
  port: number;
  controllerPort: number;
  logFile: string;
  detached?: boolean;
  heap?: string;
}

const kafkaPom = join(repoRoot, 'infra/kafka/pom.xml');
const log4jConfig = join(repoRoot, 'infra/kafka/log4j2.properties');

export function kafkaClasspath(): string {
  return resolveClasspath(kafkaPom);
}

function serverProperties(options: KafkaOptions): string {
  const internalTopicSettings = [
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=6',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
  ];
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${options.controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${options.port},CONTROLLER://127.0.0.1:${options.controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${options.port}`,
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${join(options.dataDir, 'logs')}`,
    'num.partitions=3',
    'auto.create.topics.enable=true',
    'group.initial.rebalance.delay.ms=0',
    ...internalTopicSettings,
    '',
  ].join('\n');
}

/** Kafka's cluster ids are 16 random bytes in URL-safe base64 without padding. */
function newClusterId(): string {
  return randomBytes(16).toString('base64url');
}

function javaArgs(classpath: string, heap: string): string[] {
  return [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${log4jConfig}`,
    '-cp',
    classpath,
  ];
}

/** Formats the KRaft storage once, then starts a single combined broker/controller node. */
export async function startKafka(options: KafkaOptions): Promise<ManagedProcess> {
  requireTool('java');
  const classpath = kafkaClasspath();
  const heap = options.heap ?? '384m';
  mkdirSync(options.dataDir, { recursive: true });
  const propertiesFile = join(options.dataDir, 'server.properties');
  writeFileSync(propertiesFile, serverProperties(options));
  if (!existsSync(join(options.dataDir, 'logs', 'meta.properties'))) {
    execFileSync(
      'java',
      // `--cluster-id=<id>`: a base64url id may begin with '-', which a separate argument would turn into an option.
      [
        ...javaArgs(classpath, '128m'),
        'kafka.tools.StorageTool',
        'format',
        `--cluster-id=${newClusterId()}`,
        '-c',
        propertiesFile,
      ],
      { stdio: 'ignore' },
    );
  }
  const broker = spawnLogged('java', [...javaArgs(classpath, heap), 'kafka.Kafka', propertiesFile], {
    logFile: options.logFile,
    detached: options.detached,
  });
  try {
    await waitUntil(
      `Kafka on 127.0.0.1:${options.port} (log: ${options.logFile})`,
      () => kafkaAnswers(options.port),
      90_000,
      500,
    );
  } catch (error) {
    await broker.stop(2_000);
    throw error;
  }
  return broker;
}

/** True when the broker answers a metadata request. */
export async function kafkaAnswers(port: number): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'banjie-infra-probe',
    brokers: [`127.0.0.1:${port}`],
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: 1_000,
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 && cluster.controller !== null;
  } finally {
    await admin.disconnect();
  }
}
