import { join } from 'node:path';
import { localStateDir, postgresUrl } from '@banjie/local-infra';
import { LOCAL_DEVELOPMENT_JWT_SECRET, LOCAL_DEVELOPMENT_MODE } from '@banjie/platform';

const numberFrom = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

/** Ports and paths of the local (no-Docker) stack; every one can be overridden by environment. */
export function localPorts() {
  return {
    postgres: numberFrom('PG_PORT', 5433),
    kafka: numberFrom('KAFKA_PORT', 9092),
    kafkaController: numberFrom('KAFKA_CONTROLLER_PORT', 9093),
    temporal: numberFrom('TEMPORAL_PORT', 7233),
    temporalUi: numberFrom('TEMPORAL_UI_PORT', 8233),
    intake: numberFrom('INTAKE_PORT', 3001),
    approval: numberFrom('APPROVAL_PORT', 3002),
    notice: numberFrom('NOTICE_PORT', 3003),
    deadline: numberFrom('DEADLINE_PORT', 3004),
  };
}

export const LOCAL_DATABASE = 'banjie';

export function localPaths() {
  const state = localStateDir();
  return {
    state,
    logs: join(state, 'logs'),
    postgresData: join(state, 'data', 'postgres'),
    kafkaData: join(state, 'data', 'kafka'),
    temporalDb: join(state, 'data', 'temporal.sqlite'),
    daemonPid: join(state, 'infra.pid'),
  };
}

/** The environment the services get when run locally against the embedded infrastructure. */
export function localServiceEnvironment(): NodeJS.ProcessEnv {
  const ports = localPorts();
  return {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL ?? postgresUrl(ports.postgres, LOCAL_DATABASE),
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? `127.0.0.1:${ports.kafka}`,
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? `127.0.0.1:${ports.temporal}`,
    JWT_SECRET: process.env.JWT_SECRET ?? LOCAL_DEVELOPMENT_JWT_SECRET,
    ...LOCAL_DEVELOPMENT_MODE,
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    INTAKE_PORT: String(ports.intake),
    APPROVAL_PORT: String(ports.approval),
    NOTICE_PORT: String(ports.notice),
    DEADLINE_PORT: String(ports.deadline),
  };
}
