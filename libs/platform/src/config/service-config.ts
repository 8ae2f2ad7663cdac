import type { PlatformConfig } from './load-config';

/** What the shared platform module needs to know about the service it runs in. */
export interface ServiceConfig extends PlatformConfig {
  serviceName: string;
  httpPort: number;
  /** The Postgres schema this service owns. */
  databaseSchema: string;
}

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
