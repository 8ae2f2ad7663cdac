// How a service process is started: from the TypeScript sources through the @swc-node/register
// hook (the default; what the tests use), or with BANJIE_COMPILED=1 from the build in dist/
// (`npm run build`), which leaves the TypeScript compiler and swc out of the process.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@banjie/local-infra';
import { runCommand } from './run-command';
import type { ServiceName } from './services';

/**
 * The Node arguments that run `service`'s main with a command (`migrate`, …) or, without one, the
 * service itself; for a process whose working directory is the repository.
 */
export function serviceArguments(service: ServiceName, env: NodeJS.ProcessEnv, command?: string): string[] {
  const commandArguments = command === undefined ? [] : [command];
  if (env.BANJIE_COMPILED !== '1')
    return ['-r', '@swc-node/register', `apps/${service}/src/main.ts`, ...commandArguments];
  const entry = join('dist', 'apps', service, 'src', 'main.js');
  if (!existsSync(join(repoRoot, entry)))
    throw new Error(`BANJIE_COMPILED=1 but ${entry} does not exist: run \`npm run build\` first`);
  return [entry, ...commandArguments];
}

/** Runs a one-shot command of a service's main in its own process; resolves with what it printed. */
export async function runServiceCommand(
  service: ServiceName,
  command: string,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const { exitCode, stdout, stderr } = await runCommand(
    process.execPath,
    serviceArguments(service, env, command),
    env,
  );
  if (exitCode !== 0) throw new Error(`${service} ${command} exited ${exitCode}: ${stderr.trim()}`);
  return stdout.trim();
}
