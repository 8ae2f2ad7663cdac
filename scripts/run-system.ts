// `npm start`: the whole system on the embedded infrastructure. Starts the infrastructure (if it is
// not already up), applies migrations, starts every service, waits for their health, loads the
// 2023 portfolio through the intake API and plays its approval history through the approval API
// (idempotent), and prints the URLs. A service that dies is reported and restarted (with a bounded
// back-off: libs/testing/src/stack/restart-policy.ts). Ctrl-C stops the services; the
// infrastructure keeps running until `npm run infra -- down`.
import { up } from '@banjie/launcher';
import { localPaths, localPorts, localServiceEnvironment } from '@banjie/launcher';
import { issueToken } from '@banjie/platform';
import { loadPortfolioWithHistory } from '@banjie/portfolio';
import { migrateAll, startServices, superviseServices } from '@banjie/testing/stack';

async function main(): Promise<void> {
  await up();
  // The demo data is the 2023 portfolio: the deadline service watches its first quarter.
  const env: NodeJS.ProcessEnv = { TARGET_QUARTER: '2023-Q1', ...localServiceEnvironment() };
  process.stdout.write(`${(await migrateAll(env)).join('\n')}\n`);
  const { logs } = localPaths();
  const services = await startServices(env, logs);
  const supervision = superviseServices(services, (line) =>
    process.stderr.write(`${new Date().toISOString()} ${line}\n`),
  );
  const stopAll = async () => {
    supervision.stop();
    await services.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stopAll());
  process.on('SIGTERM', () => void stopAll());
  const ports = localPorts();
  await loadPortfolioWithHistory({
    intakeUrl: `http://127.0.0.1:${ports.intake}`,
    approvalUrl: `http://127.0.0.1:${ports.approval}`,
    signToken: (subject) => issueToken(subject, env.JWT_SECRET!),
  });
  process.stdout.write(
    [
      '',
      'Banjie is running:',
      `  public flag board   http://127.0.0.1:${ports.notice}/      (kiosk: chromium --kiosk http://127.0.0.1:${ports.notice}/; as of a day: /?asOf=2023-03-28)`,
      `  intake service      http://127.0.0.1:${ports.intake}      (OpenAPI: /docs; summary: /portfolio/summary?asOf=2023-03-28)`,
      `  approval service    http://127.0.0.1:${ports.approval}      (OpenAPI: /docs)`,
      `  deadline service    http://127.0.0.1:${ports.deadline}      (OpenAPI: /docs; target: /targets/2023-Q1)`,
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
