// `npm start [-- --data live|2023]`: the whole system on the embedded infrastructure. Starts the
// infrastructure (if it is not already up), applies migrations, starts every service, waits for
// their health, loads the portfolio through the intake API and plays its approval history through
// the approval API (idempotent), and prints the URLs. `live` (the default) moves the 2023 portfolio's
// dates into the current quarter and plays what has happened by today; `2023` reproduces the
// report's quarter; the state dir remembers which, and the other is refused on the same database
// (libs/portfolio/src/data-set-marker.ts). A service that dies is reported and restarted (with a
// bounded back-off: libs/testing/src/stack/restart-policy.ts). Ctrl-C stops the services; the
// infrastructure keeps running until `npm run infra -- down`.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { localPaths, localPorts, localServiceEnvironment, up } from '@banjie/launcher';
import { issueToken } from '@banjie/platform';
import {
  claimDataSet,
  DataSetMismatchError,
  InvalidDataSetError,
  loadPortfolioWithHistory,
  parsePortfolioDataSet,
  portfolioDates,
} from '@banjie/portfolio';
import { migrateAll, startServices, superviseServices } from '@banjie/testing/stack';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string', default: 'live' } } });
  const dates = portfolioDates(parsePortfolioDataSet(values.data), new Date());
  const { state, postgresData, logs } = localPaths();
  claimDataSet(state, existsSync(postgresData), dates);
  await up();
  // The deadline service watches the quarter the portfolio is played in.
  const env: NodeJS.ProcessEnv = { TARGET_QUARTER: dates.quarter.label, ...localServiceEnvironment() };
  process.stdout.write(`${(await migrateAll(env)).join('\n')}\n`);
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
    dates,
  });
  const { reportDay } = dates;
  process.stdout.write(
    [
      '',
      'Banjie is running:',
      dates.dataSet === 'live'
        ? `  data                the 2023 portfolio moved into ${dates.quarter.label}, played up to today ${dates.today} (the report's 2023: npm start -- --data 2023)`
        : "  data                the report's 2023 first quarter (the live demo: npm start)",
      `  public flag board   http://127.0.0.1:${ports.notice}/      (kiosk: chromium --kiosk http://127.0.0.1:${ports.notice}/; as of a day: /?asOf=${reportDay})`,
      `  intake service      http://127.0.0.1:${ports.intake}      (OpenAPI: /docs; summary: /portfolio/summary?asOf=${reportDay})`,
      `  approval service    http://127.0.0.1:${ports.approval}      (OpenAPI: /docs)`,
      `  deadline service    http://127.0.0.1:${ports.deadline}      (OpenAPI: /docs; target: /targets/${dates.quarter.label})`,
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
  process.exit(error instanceof InvalidDataSetError || error instanceof DataSetMismatchError ? 2 : 1);
});
