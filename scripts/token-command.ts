// What `npm run token` does, apart from printing: arguments in, a signed token or a usage message out.
import { parseArgs } from 'node:util';
import {
  actorClaims,
  DEFAULT_TOKEN_LIFETIME_LIMITS,
  issueToken,
  LOCAL_DEVELOPMENT_JWT_SECRET,
} from '@banjie/platform';

export const TOKEN_USAGE = [
  'usage: npm run token -- --role <admin|dispatch|department|helper|supervisor|enterprise>',
  '         [--department DRC|NRB|EEB|EMB|WAB|HCB] [--enterprise <id>] [--sub <name>] [--hours <n>]',
  '  --sub    the subject (default: enterprise:<id> for an enterprise, <department>-clerk for a department, <role>-local otherwise)',
  '  --hours  lifetime (default 8; at most JWT_MAX_LIFETIME_SECONDS, default 12 h, which the services enforce)',
  '  signed with JWT_SECRET, or the local development key when it is not set',
].join('\n');

export interface TokenCommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const refused = (reason: string): TokenCommandResult => ({
  exitCode: 2,
  stdout: '',
  stderr: `token: ${reason}\n${TOKEN_USAGE}\n`,
});

/** One subject per enterprise and per department unless --sub names one: tokens of different parties are different callers. */
export function defaultSubject(
  role: string | undefined,
  department: string | undefined,
  enterprise: string | undefined,
): string {
  if (role === 'enterprise' && enterprise) return `enterprise:${enterprise}`;
  if (role === 'department' && department) return `${department}-clerk`;
  return `${role ?? 'user'}-local`;
}

export function tokenCommand(args: string[], env: NodeJS.ProcessEnv): TokenCommandResult {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        role: { type: 'string' },
        department: { type: 'string' },
        enterprise: { type: 'string' },
        sub: { type: 'string' },
        hours: { type: 'string', default: '8' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return refused((error as Error).message);
  }
  if (values.help) return { exitCode: 0, stdout: `${TOKEN_USAGE}\n`, stderr: '' };
  const claims = actorClaims.safeParse({
    sub: values.sub ?? defaultSubject(values.role, values.department, values.enterprise),
    role: values.role,
    department: values.department,
    enterpriseId: values.enterprise,
  });
  if (!claims.success)
    return refused(
      claims.error.issues.map((issue) => `${issue.path.join('.') || 'claims'}: ${issue.message}`).join('; '),
    );
  const maxSeconds = Number(env.JWT_MAX_LIFETIME_SECONDS ?? DEFAULT_TOKEN_LIFETIME_LIMITS.maxLifetimeSeconds);
  const seconds = Math.round(Number(values.hours) * 3600);
  if (!(seconds > 0 && seconds <= maxSeconds))
    return refused(
      `--hours must be a number over 0 and at most ${maxSeconds / 3600} (JWT_MAX_LIFETIME_SECONDS=${maxSeconds})`,
    );
  const token = issueToken(claims.data, env.JWT_SECRET ?? LOCAL_DEVELOPMENT_JWT_SECRET, {
    expiresInSeconds: seconds,
  });
  return { exitCode: 0, stdout: `${token}\n`, stderr: '' };
}
