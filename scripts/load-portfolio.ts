// `npm run load-portfolio [-- --data live|2023 --url http://127.0.0.1:3001 --approval-url http://127.0.0.1:3002 --concurrency 16]`:
// loads the 2023 key-project portfolio and its first quarter's approval history through the
// running services' APIs (libs/portfolio): moved into the current quarter up to today (`live`, the
// default) or as the report has it (`2023`). Exits 1 if the approval service refused a step, 2 on a
// bad --data.
import { parseArgs } from 'node:util';
import { issueToken, LOCAL_DEVELOPMENT_JWT_SECRET } from '@banjie/platform';
import {
  DEFAULT_CONCURRENCY,
  InvalidDataSetError,
  loadPortfolioWithHistory,
  parsePortfolioDataSet,
  portfolioDates,
} from '@banjie/portfolio';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'live' },
    url: { type: 'string', default: `http://127.0.0.1:${process.env.INTAKE_PORT ?? 3001}` },
    'approval-url': { type: 'string', default: `http://127.0.0.1:${process.env.APPROVAL_PORT ?? 3002}` },
    concurrency: { type: 'string', default: String(DEFAULT_CONCURRENCY) },
  },
});
const jwtSecret = process.env.JWT_SECRET ?? LOCAL_DEVELOPMENT_JWT_SECRET;

async function main(): Promise<number> {
  const report = await loadPortfolioWithHistory({
    intakeUrl: values.url!,
    approvalUrl: values['approval-url']!,
    signToken: (subject) => issueToken(subject, jwtSecret),
    concurrency: Number(values.concurrency),
    dates: portfolioDates(parsePortfolioDataSet(values.data), new Date()),
  });
  return report.conflicts.length > 0 ? 1 : 0;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(error instanceof InvalidDataSetError ? 2 : 1);
  });
