import type { INestApplication } from '@nestjs/common';
import type { Actor } from '@banjie/platform';
import { Client as PgClient } from 'pg';
import { baseUrl, freshDatabaseUrl, serviceEnvironment, tokenFor } from '@banjie/testing';
import { migrateIntake, startIntakeService } from '../intake-service';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small HTTP client for the intake service in tests, acting as one actor. */
export function intakeClient(app: INestApplication, actor: Actor) {
  const token = tokenFor(actor);
  return async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const response = await fetch(`${baseUrl(app)}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
    };
  };
}

export const sampleRegistration = {
  name: '陕煤集团60万吨/年可降解材料项目',
  ownerEnterprise: { id: 'ENT-SHAANXI-COAL', name: '陕煤集团甘肃投资有限公司' },
  totalInvestment: '263',
  cluster: 'MODERN_CHEMICALS',
  chain: '现代化工',
  type: 'NEW',
  location: '玉门经济开发区化工园区',
  plannedStart: '2023-04-15',
  responsibleUnit: '玉门经济开发区管委会',
  helpers: [{ name: '赵敏', phone: '13900000001' }],
  leadingOfficial: '刘副市长',
  listedOn: '2023-01-05',
};

/**
 * A fresh intake service on its own database. Test files share one Kafka broker, so each starts
 * its project codes at a random far-off number: events of different files never share a key.
 */
export async function startIsolatedIntake(
  databaseUrl?: string,
): Promise<{ app: INestApplication; databaseUrl: string }> {
  const url = databaseUrl ?? (await freshDatabaseUrl('intake'));
  const env = await serviceEnvironment(url, 'INTAKE_PORT');
  await migrateIntake(env);
  const db = new PgClient({ connectionString: url });
  await db.connect();
  await db.query(
    `ALTER SEQUENCE intake.project_code_seq RESTART WITH ${10_000 + Math.floor(Math.random() * 89_000) * 10}`,
  );
  await db.end();
  return { app: await startIntakeService(env), databaseUrl: url };
}
