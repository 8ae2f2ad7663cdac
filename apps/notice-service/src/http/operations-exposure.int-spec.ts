import type { INestApplication } from '@nestjs/common';
import { baseUrl, tokenFor } from '@banjie/testing';
import { startIsolatedNotice } from '../test/notice-api';

/** The public service shows the public the board, not its operations endpoints nor its framework. */
describe('notice service: what its public port exposes', () => {
  let app: INestApplication;
  let url: string;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    ({ app } = await startIsolatedNotice());
    url = baseUrl(app);
  }, 120_000);
  afterAll(() => app.close());

  it.each(['/metrics', '/docs-json', '/docs'])(
    'answers %s to admin and supervisor tokens only',
    async (path) => {
      expect((await fetch(`${url}${path}`)).status).toBe(401);
      expect(
        (
          await fetch(`${url}${path}`, {
            headers: bearer(tokenFor({ sub: 'EEB-clerk', role: 'department', department: 'EEB' })),
          })
        ).status,
      ).toBe(403);
      expect(
        (await fetch(`${url}${path}`, { headers: bearer(tokenFor({ sub: 'sup-1', role: 'supervisor' })) }))
          .status,
      ).toBe(200);
      expect(
        (await fetch(`${url}${path}`, { headers: bearer(tokenFor({ sub: 'admin-1', role: 'admin' })) }))
          .status,
      ).toBe(200);
    },
  );

  it('still serves the board, the page and /health without a token, gzipped, without X-Powered-By', async () => {
    for (const path of ['/api/board', '/', '/health']) {
      const response = await fetch(`${url}${path}`, { headers: { 'accept-encoding': 'gzip' } });
      expect([path, response.status, response.headers.get('x-powered-by')]).toEqual([path, 200, null]);
    }
    expect(
      (await fetch(`${url}/`, { headers: { 'accept-encoding': 'gzip' } })).headers.get('content-encoding'),
    ).toBe('gzip');
  });

  it('does not compress the event stream', async () => {
    const abort = new AbortController();
    const response = await fetch(`${url}/api/board/stream`, {
      headers: { accept: 'text/event-stream', 'accept-encoding': 'gzip' },
      signal: abort.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('content-encoding')).toBeNull();
    abort.abort();
  });
});
