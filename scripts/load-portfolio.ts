// Loads the 2023 key-project portfolio through the intake service's own API, like any client:
//   npm run load-portfolio [-- --url http://127.0.0.1:3001]
// Projects already on the list (same name) are left alone, so it can run on every start.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { issueToken } from '../libs/platform/src/auth/token-issuer';
import { LOCAL_DEVELOPMENT_JWT_SECRET } from '../libs/platform/src/auth/local-signing-key';

export const PORTFOLIO_2023 = join(__dirname, '../apps/intake-service/seed/portfolio-2023.json');

interface SeedProject {
  name: string;
  listedOn: string;
  lifecycle: { to: string; on: string; reason?: string }[];
  plan: Record<string, unknown>[];
  [field: string]: unknown;
}

async function call(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export async function loadPortfolio(baseUrl: string, token: string, file = PORTFOLIO_2023): Promise<{ loaded: number; skipped: number }> {
  const seed = JSON.parse(readFileSync(file, 'utf8')) as { projects: SeedProject[] };
  let loaded = 0;
  for (const project of seed.projects) {
    const found = (await call(baseUrl, token, 'GET', `/projects?q=${encodeURIComponent(project.name)}&pageSize=20`)) as { items: { name: string }[] };
    if (found.items.some((item) => item.name === project.name)) continue;
    const { lifecycle, plan, ...registration } = project;
    const created = (await call(baseUrl, token, 'POST', '/projects', registration)) as { code: string };
    await call(baseUrl, token, 'PUT', `/projects/${created.code}/plan`, { items: plan, effectiveDate: project.listedOn, reason: '2023年重点项目前期手续计划' });
    for (const step of lifecycle) {
      await call(baseUrl, token, 'POST', `/projects/${created.code}/transitions`, { to: step.to, effectiveDate: step.on, ...(step.reason ? { reason: step.reason } : {}) });
    }
    loaded += 1;
  }
  return { loaded, skipped: seed.projects.length - loaded };
}

if (require.main === module) {
  const { values } = parseArgs({ options: { url: { type: 'string', default: `http://127.0.0.1:${process.env.INTAKE_PORT ?? 3001}` } } });
  const token = issueToken({ sub: 'portfolio-loader', role: 'dispatch' }, process.env.JWT_SECRET ?? LOCAL_DEVELOPMENT_JWT_SECRET);
  loadPortfolio(values.url!, token)
    .then(({ loaded, skipped }) => process.stdout.write(`portfolio 2023: ${loaded} projects loaded, ${skipped} already on the list\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(1);
    });
}
