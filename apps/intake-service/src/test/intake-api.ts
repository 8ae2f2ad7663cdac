import type { INestApplication } from '@nestjs/common';
import { freshDatabaseUrl, serviceEnvironment, spreadProjectCodes } from '@banjie/testing';
import { migrateIntake, startIntakeService } from '../intake-service';

/** A fresh intake service on its own database, its project codes far from other test files' (spreadProjectCodes). */
export async function startIsolatedIntake(
  databaseUrl?: string,
): Promise<{ app: INestApplication; databaseUrl: string }> {
  const url = databaseUrl ?? (await freshDatabaseUrl('intake'));
  const env = await serviceEnvironment(url, 'INTAKE_PORT');
  await migrateIntake(env);
  await spreadProjectCodes(url);
  return { app: await startIntakeService(env), databaseUrl: url };
}
