// The services as separate processes, on a given environment: `npm start` uses it on the local
// infrastructure; the fuzz, fault and benchmark commands on throwaway infrastructure; the end-to-end
// tests on the test infrastructure.
import { join } from 'node:path';
import {
  ensureDatabase,
  freePort,
  repoRoot,
  spawnLogged,
  waitUntil,
  type ManagedProcess,
} from '@banjie/local-infra';
import { LOCAL_DEVELOPMENT_JWT_SECRET, LOCAL_DEVELOPMENT_MODE } from '@banjie/platform';
import { startTestInfrastructure } from '../test-infrastructure';
import { migrateAll } from './migrate-all';
import { serviceArguments } from './service-command';
import { SERVICES, type ServiceName } from './services';

export interface ServiceStack {
  env: NodeJS.ProcessEnv;
  urlOf(service: ServiceName): string;
  pidOf(service: ServiceName): number;
  /** Starts (or restarts) one service, with extra environment for this life, and waits until its /health answers 200. */
  start(service: ServiceName, extraEnv?: NodeJS.ProcessEnv): Promise<void>;
  /** Resolves when the service's current process has exited (e.g. killed itself at a fault point), with how: `code 1`, `SIGKILL`. */
  exited(service: ServiceName): Promise<string>;
  /** The service's log file. */
  logOf(service: ServiceName): string;
  /** `kill -9`: no shutdown hook runs. */
  kill(service: ServiceName): Promise<void>;
  /** SIGTERM: the service shuts down as on a deployment (its shutdown hooks run). */
  shutDown(service: ServiceName): Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** The services to start (default: all four). */
  services?: readonly ServiceName[];
  /** Environment of one service only, in every life (its own consumer group, task queue, …). */
  serviceEnv?: Partial<Record<ServiceName, NodeJS.ProcessEnv>>;
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`)).status === 200;
  } catch {
    return false;
  }
}

const running = ({ child }: ManagedProcess) => child.exitCode === null && child.signalCode === null;

/** Starts services as their own Node processes with logs in `logs`, and waits for their health. */
export async function startServices(
  env: NodeJS.ProcessEnv,
  logs: string,
  options: StackOptions = {},
): Promise<ServiceStack> {
  const processes = new Map<ServiceName, ManagedProcess>();
  // Children must not outlive a launcher that dies (an uncaught error, Ctrl-C twice).
  process.once('exit', () => {
    for (const managed of processes.values()) if (running(managed)) managed.child.kill('SIGKILL');
  });
  const urlOf = (service: ServiceName) =>
    `http://127.0.0.1:${env[SERVICES.find((s) => s.name === service)!.portVariable]}`;
  const logOf = (service: ServiceName) => join(logs, `${service}.log`);
  const start = async (service: ServiceName, extraEnv: NodeJS.ProcessEnv = {}) => {
    const logFile = logOf(service);
    const serviceEnv = { ...env, ...options.serviceEnv?.[service], ...extraEnv };
    const child = spawnLogged(process.execPath, serviceArguments(service, serviceEnv), {
      logFile,
      env: serviceEnv,
      cwd: repoRoot,
    });
    processes.set(service, child);
    const died = new Promise<never>((_, reject) =>
      child.child.once('exit', (code, signal) =>
        reject(new Error(`${service} exited (${signal ?? `code ${code}`}) — see ${logFile}`)),
      ),
    );
    await Promise.race([
      waitUntil(`${service} (log: ${logFile})`, () => healthy(urlOf(service)), 120_000, 250),
      died,
    ]);
  };
  const stack: ServiceStack = {
    env,
    urlOf,
    pidOf: (service) => processes.get(service)!.pid,
    start,
    logOf,
    async exited(service) {
      const child = processes.get(service)!.child;
      if (child.exitCode === null && child.signalCode === null)
        await new Promise((resolve) => child.once('exit', resolve));
      return child.signalCode ?? `code ${child.exitCode}`;
    },
    async kill(service) {
      const managed = processes.get(service);
      if (!managed || !running(managed)) return;
      const exited = new Promise((resolve) => managed.child.once('exit', resolve));
      managed.child.kill('SIGKILL');
      await exited;
    },
    async shutDown(service) {
      await processes.get(service)?.stop(15_000);
    },
    async stop() {
      await Promise.allSettled([...processes.values()].map((managed) => managed.stop(15_000)));
    },
  };
  try {
    await Promise.all(
      (options.services ?? SERVICES.map(({ name }) => name)).map((service) => start(service)),
    );
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}

export interface InfrastructureAddresses {
  databaseUrl: string;
  kafkaBrokers: string;
  temporalAddress: string;
}

/** The services' environment on the given infrastructure, each service on a free port. */
export async function stackEnvironment(
  infra: InfrastructureAddresses,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<NodeJS.ProcessEnv> {
  const ports = await Promise.all(SERVICES.map(() => freePort()));
  return {
    ...process.env,
    DATABASE_URL: infra.databaseUrl,
    KAFKA_BROKERS: infra.kafkaBrokers,
    TEMPORAL_ADDRESS: infra.temporalAddress,
    JWT_SECRET: process.env.JWT_SECRET ?? LOCAL_DEVELOPMENT_JWT_SECRET,
    ...LOCAL_DEVELOPMENT_MODE,
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    ...Object.fromEntries(SERVICES.map(({ portVariable }, index) => [portVariable, String(ports[index])])),
    ...extraEnv,
  };
}

/** The services' environment on the given infrastructure (stackEnvironment), every schema migrated. */
export async function preparedServiceEnvironment(
  infra: InfrastructureAddresses,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<NodeJS.ProcessEnv> {
  const env = await stackEnvironment(infra, extraEnv);
  await migrateAll(env);
  return env;
}

export interface ThrowawayStack extends ServiceStack, InfrastructureAddresses {}

/**
 * PostgreSQL, Kafka and Temporal in a temporary directory on free ports, migrated, with every
 * service running against them: for commands that must not touch the local data.
 */
export async function startThrowawayStack(
  logs: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<ThrowawayStack> {
  const infra = await startTestInfrastructure();
  try {
    await ensureDatabase(infra.postgresUrl, 'banjie');
    const addresses = {
      databaseUrl: Object.assign(new URL(infra.postgresUrl), { pathname: '/banjie' }).toString(),
      kafkaBrokers: infra.kafkaBrokers,
      temporalAddress: infra.temporalAddress,
    };
    const services = await startServices(await preparedServiceEnvironment(addresses, extraEnv), logs);
    return {
      ...services,
      ...addresses,
      async stop() {
        await services.stop();
        await infra.stop();
      },
    };
  } catch (error) {
    await infra.stop();
    throw error;
  }
}
