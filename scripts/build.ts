// `npm run build`: compiles the four services and the libraries they use to JavaScript in dist/
// (same tree as the sources, `@banjie/*` aliases rewritten to relative paths, decorators and their
// metadata as under @swc-node/register), copies their static assets and bundles the deadline
// service's workflows, so a service can run as `node dist/apps/<service>/src/main.js` without
// compiling TypeScript in-process. `BANJIE_COMPILED=1 npm start` (and the bench) run that build.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { transformFile, type Options } from '@swc/core';
import { bundleBanjieWorkflows, PREBUILT_WORKFLOW_BUNDLE } from '@banjie/platform/temporal';

const root = resolve(__dirname, '..');
const DIST = join(root, 'dist');
const { paths } = (
  JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  }
).compilerOptions;
const SOURCE_ROOTS = [
  'apps/intake-service/src',
  'apps/approval-service/src',
  'apps/notice-service/src',
  'apps/deadline-service/src',
  'libs/contracts/src',
  'libs/domain/src',
  'libs/platform/src',
  'libs/workflows/src',
];
const isTestCode = (path: string) =>
  /\.(spec|int-spec|wf-spec)\.ts$/.test(path) || path.split('/').includes('test');

const swcOptions: Options = {
  swcrc: false,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
    baseUrl: root,
    paths,
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
};

function filesUnder(directory: string): string[] {
  return readdirSync(join(root, directory), { recursive: true, encoding: 'utf8' })
    .map((name) => join(directory, name))
    .filter((path) => statSync(join(root, path)).isFile() && !isTestCode(path));
}

async function compile(source: string): Promise<void> {
  const target = join(DIST, source.replace(/\.ts$/, '.js'));
  const output = await transformFile(join(root, source), {
    ...swcOptions,
    sourceFileName: relative(dirname(target), join(root, source)),
  });
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${output.code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
  writeFileSync(`${target}.map`, output.map!);
}

/** Writes dist/ from scratch; returns what it wrote, for a line of output. */
export async function buildDist(): Promise<string> {
  const started = Date.now();
  rmSync(DIST, { recursive: true, force: true });
  const files = SOURCE_ROOTS.flatMap(filesUnder);
  const sources = files.filter((path) => path.endsWith('.ts'));
  await Promise.all(sources.map(compile));
  for (const asset of files.filter((path) => !path.endsWith('.ts')))
    cpSync(join(root, asset), join(DIST, asset));
  const bundle = await bundleBanjieWorkflows();
  writeFileSync(join(DIST, 'apps/deadline-service/src/temporal', PREBUILT_WORKFLOW_BUNDLE), bundle.code);
  return `dist/: ${sources.length} modules, ${files.length - sources.length} assets and the workflow bundle in ${((Date.now() - started) / 1000).toFixed(1)} s`;
}

if (require.main === module) {
  buildDist().then(
    (summary) => process.stdout.write(`${summary}\n`),
    (error: unknown) => {
      process.stderr.write(`build failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
