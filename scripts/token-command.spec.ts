import { JwtService } from '@nestjs/jwt';
import { LOCAL_DEVELOPMENT_JWT_SECRET } from '@banjie/platform';
import { tokenCommand } from './token-command';

const claimsOf = (stdout: string) =>
  new JwtService().verify<Record<string, unknown>>(stdout.trim(), { secret: LOCAL_DEVELOPMENT_JWT_SECRET });

describe('npm run token', () => {
  it('gives each enterprise and each department its own subject', () => {
    const subjects = [
      ['--role', 'enterprise', '--enterprise', 'ENT-A'],
      ['--role', 'enterprise', '--enterprise', 'ENT-B'],
      ['--role', 'department', '--department', 'NRB'],
      ['--role', 'department', '--department', 'EEB'],
    ].map((args) => claimsOf(tokenCommand(args, {}).stdout).sub);
    expect(subjects).toEqual(['enterprise:ENT-A', 'enterprise:ENT-B', 'NRB-clerk', 'EEB-clerk']);
  });

  it('keeps a subject given with --sub', () => {
    expect(
      claimsOf(tokenCommand(['--role', 'enterprise', '--enterprise', 'ENT-A', '--sub', 'alice'], {}).stdout)
        .sub,
    ).toBe('alice');
  });

  it('issues a token with iat and exp, 8 hours by default', () => {
    const claims = claimsOf(tokenCommand(['--role', 'admin'], {}).stdout);
    expect((claims.exp as number) - (claims.iat as number)).toBe(8 * 3600);
  });

  it.each([
    ['over the 12-hour default maximum', ['--role', 'admin', '--hours', '13'], {}],
    ['over a configured maximum', ['--role', 'admin', '--hours', '2'], { JWT_MAX_LIFETIME_SECONDS: '3600' }],
    ['zero', ['--role', 'admin', '--hours', '0'], {}],
    ['not a number', ['--role', 'admin', '--hours', 'forever'], {}],
  ])('refuses a lifetime %s, naming --hours', (_case, args, env) => {
    const result = tokenCommand(args, env);
    expect(result).toMatchObject({ exitCode: 2, stdout: '' });
    expect(result.stderr).toContain('--hours must be');
  });

  it('prints the usage for --help', () => {
    expect(tokenCommand(['--help'], {})).toEqual({
      exitCode: 0,
      stdout: expect.stringContaining('usage: npm run token'),
      stderr: '',
    });
  });

  it('answers an unknown option with the usage, not a stack trace', () => {
    const result = tokenCommand(['--rol', 'admin'], {});
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^token: Unknown option '--rol'/);
    expect(result.stderr).toContain('usage: npm run token');
    expect(result.stderr).not.toContain('    at ');
  });
});
