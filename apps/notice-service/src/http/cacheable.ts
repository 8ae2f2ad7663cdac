import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/** Today's board changes at any moment: caches may keep it, but must ask (a 304 costs nothing). */
export const REVALIDATE = 'public, no-cache';
/** A past day's board changes only if late, back-dated events arrive. */
export const PAST_DAY = 'public, max-age=300';

function strongEtag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** True when If-None-Match names this entity (a list, weak validators and `*` included). */
function clientHasCurrent(request: Request, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/** Sends a body with its ETag and caching policy, or 304 when the client already has it. */
export function sendCacheable(
  request: Request,
  response: Response,
  body: string | Buffer,
  contentType: string,
  cacheControl: string,
): void {
  const etag = strongEtag(body);
  response.setHeader('ETag', etag);
  response.setHeader('Cache-Control', cacheControl);
  if (clientHasCurrent(request, etag)) {
    response.status(304).end();
    return;
  }
  response.status(200).setHeader('Content-Type', contentType);
  response.end(body);
}

export function sendCacheableJson(
  request: Request,
  response: Response,
  body: unknown,
  cacheControl: string,
): void {
  sendCacheable(request, response, JSON.stringify(body), 'application/json; charset=utf-8', cacheControl);
}
