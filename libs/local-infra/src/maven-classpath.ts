import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './paths';
import { requireTool } from './tools';

/**
 * Resolves the runtime classpath of a small pom with Maven, once: the result is cached outside the
 * clone under a name derived from the pom's content, so a changed pom resolves again.
 */
export function resolveClasspath(pomPath: string): string {
  const pom = readFileSync(pomPath);
  const digest = createHash('sha256').update(pom).digest('hex').slice(0, 16);
  const classpathFile = join(cacheDir(), 'classpath', `${digest}.txt`);
  if (existsSync(classpathFile)) {
    const cached = readFileSync(classpathFile, 'utf8').trim();
    if (cached.split(':').every((jar) => existsSync(jar))) return cached;
  }
  requireTool('java');
  requireTool('mvn');
  mkdirSync(join(cacheDir(), 'classpath'), { recursive: true });
  execFileSync(
    'mvn',
    [
      '-q',
      '-B',
      '-Dstyle.color=never',
      '-f',
      pomPath,
      'dependency:build-classpath',
      `-Dmdep.outputFile=${classpathFile}`,
      '-Dmdep.includeScope=runtime',
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  return readFileSync(classpathFile, 'utf8').trim();
}
