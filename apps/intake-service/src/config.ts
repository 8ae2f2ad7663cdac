import { loadConfig, platformEnvironment, portVariable, type ServiceConfig } from '@banjie/platform';

const intakeEnvironment = platformEnvironment.extend({ INTAKE_PORT: portVariable(3001) });

export function intakeConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const config = loadConfig(intakeEnvironment, env);
  return { ...config, serviceName: 'intake-service', httpPort: config.INTAKE_PORT, databaseSchema: 'intake' };
}
