// How a service process is started: from the TypeScript sources through the @swc-node/register
// hook (the default; what the tests use), or with BANJIE_COMPILED=1 from the build in dist/
// (`npm run build`), which leaves the TypeScript compiler and swc out of the process.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The Node arguments that start `service`, for a process whose working directory is the repository. */
export function serviceArguments(service: string, env: NodeJS.ProcessEnv): string[] {
  if (env.BANJIE_COMPILED !== '1') return ['-r', '@swc-node/register', `apps/${service}/src/main.ts`];
  const entry = join('dist', 'apps', service, 'src', 'main.js');
  if (!existsSync(entry))
    throw new Error(`BANJIE_COMPILED=1 but ${entry} does not exist: run \`npm run build\` first`);
  return [entry];
}
