// `npm start`: the whole system on the embedded infrastructure. Starts the infrastructure (if it is
// not already up), applies migrations, starts every service, waits for their health, loads the
// 2023 portfolio through the intake API, and prints the URLs. Ctrl-C stops the services; the
// infrastructure keeps running until `npm run infra -- down`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnLogged, waitUntil, type ManagedProcess } from '@banjie/local-infra';
import { up } from '../infra/launcher/cli';
import { localPaths, localPorts, localServiceEnvironment } from '../infra/launcher/local-environment';
import { issueToken } from '../libs/platform/src/auth/token-issuer';
import { loadPortfolio } from './load-portfolio';
import { migrateAll } from './migrate';

export const SERVICES = ['intake-service', 'deadline-service'] as const;

const portOf = (service: (typeof SERVICES)[number]): number => {
  const ports = localPorts();
  return { 'intake-service': ports.intake, 'deadline-service': ports.deadline }[service];
};

async function healthy(port: number): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${port}/health`);
  return response.status === 200;
}

async function main(): Promise<void> {
  await up();
  const env = localServiceEnvironment();
  await migrateAll(env);
  const { logs } = localPaths();
  mkdirSync(logs, { recursive: true });
  const processes: ManagedProcess[] = SERVICES.map((service) =>
    spawnLogged(process.execPath, ['-r', '@swc-node/register', `apps/${service}/src/main.ts`], { logFile: join(logs, `${service}.log`), env }),
  );
  const stopAll = async () => {
    await Promise.allSettled(processes.map((child) => child.stop(15_000)));
    process.exit(0);
  };
  process.on('SIGINT', () => void stopAll());
  process.on('SIGTERM', () => void stopAll());
  await Promise.all(
    SERVICES.map((service, index) =>
      waitUntil(`${service} (log: ${join(logs, `${service}.log`)})`, async () => {
        if (processes[index]!.child.exitCode !== null) throw new Error(`${service} exited with code ${processes[index]!.child.exitCode}`);
        return healthy(portOf(service));
      }, 120_000, 500),
    ),
  );
  const ports = localPorts();
  const loaderToken = issueToken({ sub: 'portfolio-loader', role: 'dispatch' }, env.JWT_SECRET!);
  const { loaded, skipped } = await loadPortfolio(`http://127.0.0.1:${ports.intake}`, loaderToken);
  process.stdout.write(`portfolio 2023: ${loaded} projects loaded through the intake API, ${skipped} already on the list\n`);
  process.stdout.write(
    [
      '',
      'Banjie is running:',
      `  intake service      http://127.0.0.1:${ports.intake}      (OpenAPI: /docs; summary: /portfolio/summary?asOf=2023-03-28)`,
      `  deadline service    http://127.0.0.1:${ports.deadline}      (OpenAPI: /docs)`,
      `  Temporal Web UI     http://127.0.0.1:${ports.temporalUi}`,
      `  logs                ${logs}`,
      '  a token:            npm run token -- --role admin',
      'Ctrl-C stops the services; `npm run infra -- down` stops the infrastructure.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
