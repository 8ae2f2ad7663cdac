import { spawnSync } from 'node:child_process';

export class MissingToolError extends Error {}

const installHints: Record<string, string> = {
  java: 'install a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless)',
  mvn: 'install Apache Maven (Debian: apt-get install maven)',
  go: 'install Go 1.22+ (https://go.dev/doc/install or Debian: apt-get install golang)',
};

/** Fails with one clear line naming what to install when a required tool is missing. */
export function requireTool(name: keyof typeof installHints): void {
  const probe = spawnSync(name, [name === 'go' ? 'version' : '-version'], { stdio: 'ignore' });
  if (probe.error) {
    throw new MissingToolError(`banjie: '${name}' was not found on PATH — ${installHints[name]}`);
  }
}
