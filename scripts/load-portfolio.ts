// `npm run load-portfolio [-- --url http://127.0.0.1:3001 --approval-url http://127.0.0.1:3002 --concurrency 16]`:
// loads the 2023 key-project portfolio and its first quarter's approval history through the
// running services' APIs (libs/portfolio). Exits 1 if the approval service refused a step.
import { parseArgs } from 'node:util';
import { issueToken, LOCAL_DEVELOPMENT_JWT_SECRET } from '@banjie/platform';
import { DEFAULT_CONCURRENCY, loadPortfolioWithHistory } from '@banjie/portfolio';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: `http://127.0.0.1:${process.env.INTAKE_PORT ?? 3001}` },
    'approval-url': { type: 'string', default: `http://127.0.0.1:${process.env.APPROVAL_PORT ?? 3002}` },
    concurrency: { type: 'string', default: String(DEFAULT_CONCURRENCY) },
  },
});
const jwtSecret = process.env.JWT_SECRET ?? LOCAL_DEVELOPMENT_JWT_SECRET;

loadPortfolioWithHistory({
  intakeUrl: values.url!,
  approvalUrl: values['approval-url']!,
  signToken: (subject) => issueToken(subject, jwtSecret),
  concurrency: Number(values.concurrency),
})
  .then((report) => process.exit(report.conflicts.length > 0 ? 1 : 0))
  .catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  });
