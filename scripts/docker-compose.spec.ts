import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const publishedPorts = [...compose.matchAll(/^\s+ports:\n((?:\s+- .+\n)+)/gm)].flatMap((match) =>
  match[1]!
    .trim()
    .split('\n')
    .map((line) =>
      line
        .trim()
        .replace(/^- /, '')
        .replace(/^['"]|['"]$/g, ''),
    ),
);
const hasDockerCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;

describe('docker-compose.yml exposes nothing by default', () => {
  it('publishes every port, infrastructure and services, on 127.0.0.1 only', () => {
    expect(publishedPorts).toHaveLength(8);
    expect(publishedPorts.filter((port) => !port.startsWith('127.0.0.1:'))).toEqual([]);
  });

  it('takes the signing key and the PostgreSQL password from the environment, with no default', () => {
    expect(compose).toMatch(/^\s+JWT_SECRET: \$\{JWT_SECRET:\?[^}]+\}$/m);
    expect(compose).not.toContain('banjie-local-development-signing-key');
    expect(compose).not.toMatch(/POSTGRES_(PASSWORD|PWD): (?!\$\{POSTGRES_PASSWORD:\?)/);
    expect(compose).toContain(
      'postgres://${POSTGRES_USER:-banjie}:${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}@postgres:5432/banjie',
    );
  });

  (hasDockerCompose ? it : it.skip)(
    'is refused by docker-compose without JWT_SECRET and valid with it',
    () => {
      const config = (env: NodeJS.ProcessEnv) =>
        spawnSync('docker-compose', ['config', '-q'], {
          cwd: root,
          env: { PATH: process.env.PATH, ...env },
          encoding: 'utf8',
        });
      expect(config({ POSTGRES_PASSWORD: 'p' }).stderr).toContain('set JWT_SECRET');
      expect(config({ JWT_SECRET: 'k'.repeat(40) }).stderr).toContain('set POSTGRES_PASSWORD');
      expect(config({ JWT_SECRET: 'k'.repeat(40), POSTGRES_PASSWORD: 'p' }).status).toBe(0);
    },
  );
});
