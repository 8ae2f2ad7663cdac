import { normalizeIp } from '@nestjs/throttler';
import type { Request } from 'express';

/**
 * Who a public request comes from: the address of its connection (IPv6 by its /64, as the
 * throttler does), never a forwarded-for header, which any client can write (Express's
 * `trust proxy` is off). The rate limit and the stream limits both count by it.
 */
export function publicClientOf(request: Pick<Request, 'ip' | 'socket'>): string {
  return normalizeIp(request.ip ?? request.socket.remoteAddress ?? 'unknown');
}
