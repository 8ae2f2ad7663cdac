import {
  BAD_TOKENS,
  fuzzCase,
  plausiblePeriod,
  type BadToken,
  type FuzzCase,
  type PathFiller,
} from './fuzz-cases';
import { operationsOf, type OpenApiDocument, type Operation } from './openapi-operations';
import { SeededRandom } from '@banjie/domain';

export interface FuzzTarget {
  service: string;
  baseUrl: string;
  /** Values of real resources for path parameters, by parameter name. */
  knownParams: Record<string, string[]>;
  /** Working tokens; each operation uses the first one its guard lets through. */
  tokens: string[];
  /** The bad tokens to try (`missing` sends none). */
  badTokens: Record<Exclude<BadToken, 'missing'>, string>;
  /** Operations not to fuzz (e.g. a never-ending event stream). */
  exclude?: (operation: Operation) => boolean;
}

export interface FuzzOptions {
  requests: number;
  seed: number;
  concurrency: number;
}

export interface FuzzFinding {
  problem: string;
  kind: string;
  request: string;
  status: number | null;
  response: string;
}

export interface FuzzReport {
  service: string;
  operations: number;
  requests: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  /** The first requests that got each status, to see what the server answered what. */
  samples: Record<string, string[]>;
  findings: FuzzFinding[];
  durationMs: number;
}

interface Probed {
  operation: Operation;
  token: string;
  isPublic: boolean;
}

const NOWHERE = 'BJ-1999-0000-NOWHERE';

/**
 * Sends `requests` malformed and well-formed extreme requests, spread over every operation of the
 * service's OpenAPI document, and reports every response that is a 5xx or never comes, accepts a
 * malformed command, lets a bad token in, or refuses without naming the problem; stops when the
 * service stops answering. Reproducible from the seed.
 */
export async function fuzzService(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const random = new SeededRandom(options.seed);
  // The public notice service shows its OpenAPI document to admin and supervisor tokens only; the first token is admin's.
  const doc = (await (
    await fetch(`${target.baseUrl}/docs-json`, { headers: { authorization: `Bearer ${target.tokens[0]}` } })
  ).json()) as OpenApiDocument;
  const fillPath: PathFiller = (template, existing) =>
    template.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (!existing) return NOWHERE;
      const known = target.knownParams[name];
      return encodeURIComponent(known?.length ? random.pick(known) : (plausiblePeriod(name) ?? NOWHERE));
    });
  const operations = operationsOf(doc).filter((operation) => !(target.exclude ?? isStream)(operation));
  const probed = await Promise.all(operations.map((operation) => probe(target, operation, fillPath)));

  const report: FuzzReport = {
    service: target.service,
    operations: operations.length,
    requests: 0,
    byStatus: {},
    byKind: {},
    samples: {},
    findings: [],
    durationMs: 0,
  };
  const cases = Array.from({ length: options.requests }, () => {
    const chosen = random.pick(probed);
    return { probed: chosen, fuzz: fuzzCase(chosen.operation, random, fillPath) };
  });
  let next = 0;
  let stopped = false;
  const unanswered: { index: number; request: string }[] = [];
  const worker = async () => {
    while (next < cases.length && !stopped) {
      const index = next++;
      const { probed: chosen, fuzz } = cases[index]!;
      const outcome = await send(target, fuzz, tokenFor(target, chosen, fuzz.token));
      report.requests += 1;
      report.byStatus[outcome.status ?? 'none'] = (report.byStatus[outcome.status ?? 'none'] ?? 0) + 1;
      report.byKind[fuzz.kind] = (report.byKind[fuzz.kind] ?? 0) + 1;
      const samples = (report.samples[outcome.status ?? 'none'] ??= []);
      if (samples.length < 3)
        samples.push(
          `${fuzz.kind}: ${fuzz.operation.method} ${fuzz.path.slice(0, 120)} ${fuzz.body?.slice(0, 160) ?? ''}`,
        );
      const problem = judge(fuzz, chosen, outcome);
      const request = `${fuzz.operation.method} ${fuzz.path.slice(0, 200)} ${fuzz.body?.slice(0, 200) ?? ''}`;
      if (problem)
        report.findings.push({
          problem,
          kind: fuzz.kind,
          request,
          status: outcome.status,
          response: outcome.text.slice(0, 300),
        });
      if (outcome.status === null) {
        unanswered.push({ index, request });
        // A request that hangs the service (a loop, a crash) would make every later one wait for
        // its timeout: the run stops at the first unanswered request the health check confirms.
        if (!stopped && !(await answersHealth(target))) stopped = true;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  if (stopped) {
    // One of the requests left unanswered stopped the service; the others were waiting behind it.
    const suspects = [
      ...new Set(unanswered.sort((a, b) => a.index - b.index).map((u) => u.request.trim())),
    ].filter((request) => request !== 'GET /health');
    report.findings.unshift({
      problem: `the service stopped answering (GET /health too) after ${report.requests} of ${cases.length} requests; unanswered`,
      kind: 'hang',
      request: suspects.join(' | '),
      status: null,
      response: '',
    });
  }
  report.durationMs = Date.now() - started;
  return report;
}

async function answersHealth(target: FuzzTarget): Promise<boolean> {
  try {
    await fetch(`${target.baseUrl}/health`, { signal: AbortSignal.timeout(5_000) });
    return true;
  } catch {
    return false;
  }
}

function isStream(operation: Operation): boolean {
  return /stream/.test(operation.path);
}

function tokenFor(target: FuzzTarget, probed: Probed, token: FuzzCase['token']): string | undefined {
  if (token === 'valid') return probed.token;
  return token === 'missing' ? undefined : target.badTokens[token];
}

/** Which working token gets through the operation's guard, and whether it needs one at all. */
async function probe(target: FuzzTarget, operation: Operation, fillPath: PathFiller): Promise<Probed> {
  const path = fillPath(operation.path, false);
  const body = operation.method === 'GET' ? undefined : '{"fuzzProbe":true}';
  const probeCase = {
    kind: 'probe',
    operation,
    path,
    token: 'valid' as const,
    body,
    contentType: 'application/json',
  };
  const anonymous = await send(target, probeCase, undefined);
  for (const token of target.tokens) {
    const { status } = await send(target, probeCase, token);
    if (status !== 401 && status !== 403) return { operation, token, isPublic: anonymous.status !== 401 };
  }
  return { operation, token: target.tokens[0]!, isPublic: anonymous.status !== 401 };
}

interface Outcome {
  status: number | null;
  text: string;
}

async function send(target: FuzzTarget, fuzz: FuzzCase, token: string | undefined): Promise<Outcome> {
  try {
    const response = await fetch(`${target.baseUrl}${fuzz.path}`, {
      method: fuzz.operation.method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(fuzz.contentType ? { 'content-type': fuzz.contentType } : {}),
      },
      ...(fuzz.body !== undefined && fuzz.operation.method !== 'GET' ? { body: fuzz.body } : {}),
      signal: AbortSignal.timeout(15_000),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { status: null, text: (error as Error).message };
  }
}

const lastSegment = (field: string) =>
  field
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .pop() ?? field;

/** What is wrong with this response, if anything. */
function judge(fuzz: FuzzCase, probed: Probed, outcome: Outcome): string | null {
  const { status, text } = outcome;
  if (status === null) return `no response: ${text}`;
  if (status >= 500) return `server error ${status}`;
  if (BAD_TOKENS.includes(fuzz.token as BadToken) && !probed.isPublic && status !== 401)
    return `bad token (${fuzz.token}) answered ${status}, not 401`;
  if (status < 400)
    return fuzz.operation.method === 'GET'
      ? null
      : `malformed ${fuzz.operation.method} accepted with ${status}`;
  if (status === 429) return null;
  let body: { statusCode?: unknown; error?: unknown; message?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return `${status} without a JSON error body`;
  }
  const message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
  if (
    body.statusCode !== status ||
    typeof body.error !== 'string' ||
    typeof message !== 'string' ||
    message.length === 0
  ) {
    return `${status} without {statusCode, error, message}`;
  }
  if (status === 400 && fuzz.fields && !fuzz.fields.some((field) => message.includes(lastSegment(field))))
    return `400 does not name ${fuzz.fields.join(' or ')}`;
  return null;
}
