import { runServiceCommand } from './service-command';
import { SERVICES, type ServiceName } from './services';

/**
 * Applies the migrations of every given service to its own schema, each by its own `migrate`
 * command, in parallel; resolves with one line per service (`intake-service: up to date`).
 */
export async function migrateAll(
  env: NodeJS.ProcessEnv,
  services: readonly ServiceName[] = SERVICES.map(({ name }) => name),
): Promise<string[]> {
  const outcomes = await Promise.all(services.map((service) => runServiceCommand(service, 'migrate', env)));
  return services.map((service, index) => `${service}: ${outcomes[index]}`);
}
