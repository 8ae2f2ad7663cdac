// Prints a signed token for local use:
//   npm run token -- --role <role> [--department <code>] [--enterprise <id>] [--sub <name>] [--hours <n>]
import { parseArgs } from 'node:util';
import { actorClaims, issueToken, LOCAL_DEVELOPMENT_JWT_SECRET } from '../libs/platform/src';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    department: { type: 'string' },
    enterprise: { type: 'string' },
    sub: { type: 'string' },
    hours: { type: 'string', default: '8' },
  },
});

const claims = actorClaims.safeParse({
  sub: values.sub ?? `${values.role ?? 'user'}-local`,
  role: values.role,
  department: values.department,
  enterpriseId: values.enterprise,
});
if (!claims.success) {
  process.stderr.write(`token: ${claims.error.issues.map((issue) => `${issue.path.join('.') || 'claims'}: ${issue.message}`).join('; ')}\n`);
  process.stderr.write('usage: npm run token -- --role <admin|dispatch|department|helper|supervisor|enterprise> [--department DRC|NRB|EEB|EMB|WAB|HCB] [--enterprise <id>] [--sub <name>]\n');
  process.exit(2);
}
const secret = process.env.JWT_SECRET ?? LOCAL_DEVELOPMENT_JWT_SECRET;
process.stdout.write(`${issueToken(claims.data, secret, { expiresInSeconds: Number(values.hours) * 3600 })}\n`);
