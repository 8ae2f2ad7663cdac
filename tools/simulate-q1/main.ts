// `npm run simulate-q1 [-- --pace 0.8 --pace-EEB 1.3 --seed 20230101 --projects 127 --out reports]`: runs the 2023
// portfolio through a simulated first quarter in Temporal's time-skipping test server (the real quarter-target and
// procedure-deadline workflows, simulated departments) and writes reports/q1-simulation.json and .html.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createChineseWorkingDayCalendar } from '@banjie/domain';
import { prepareTemporalTestServer } from '@banjie/local-infra';
import { bundleBanjieWorkflows } from '@banjie/platform/temporal';
import { createTimeSkippingEnvironment } from '@banjie/testing';
import { parseSimulationArgs, SimulationOptionError, USAGE } from './options';
import { buildReport, percent, summarize } from './report';
import { renderReportHtml } from './report-html';
import { runQ1Simulation } from './run-simulation';

/** The SDK gives the test server's JVM 5 s to answer; a busy machine can miss that, so the command tries again. */
async function startTimeSkippingServer(attempts = 3): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await createTimeSkippingEnvironment();
    } catch (error) {
      if (attempt >= attempts || !/did not start within/.test((error as Error).message)) throw error;
      process.stderr.write(
        `simulate-q1: the time-skipping test server was slow to start (attempt ${attempt} of ${attempts}), trying again\n`,
      );
    }
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const options = parseSimulationArgs(argv);
  // The time-skipping server is Temporal's Java test server, resolved from Maven like the workflow tests do.
  Object.assign(process.env, prepareTemporalTestServer());
  const [server, bundled] = await Promise.allSettled([startTimeSkippingServer(), bundleBanjieWorkflows()]);
  if (server.status === 'rejected') throw server.reason;
  const env = server.value;
  try {
    if (bundled.status === 'rejected') throw bundled.reason;
    const bundle = bundled.value;
    const run = await runQ1Simulation(options, {
      env,
      bundle,
      onDay: (day) => {
        if (day.date.endsWith('-01') || day.date.endsWith('-15'))
          process.stdout.write(`${day.date}: ${percent(day.rate)} (${day.completed}/${day.applicable})\n`);
      },
    });
    const report = buildReport(run, createChineseWorkingDayCalendar());
    const outDir = resolve(options.outDir);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'q1-simulation.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(outDir, 'q1-simulation.html'), renderReportHtml(report));
    process.stdout.write(`\n${summarize(report)}\n`);
    process.stdout.write(
      `whole command ${((Date.now() - started) / 1000).toFixed(1)} s; wrote ${join(outDir, 'q1-simulation.json')} and ${join(outDir, 'q1-simulation.html')}\n`,
    );
  } finally {
    await env.teardown();
  }
}

main().catch((error: unknown) => {
  const usage =
    error instanceof SimulationOptionError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`simulate-q1: ${(error as Error).message}\n`);
  process.exit(usage ? 2 : 1);
});
