import { Logger } from '@nestjs/common';
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';

let installed = false;

/**
 * Routes the Temporal SDK's logs (worker state, activity failures) through the service's logger
 * at `level` and above. The runtime is process-wide, so only the first call takes effect.
 */
export function installTemporalRuntime(level: LogLevel = 'WARN'): void {
  if (installed) return;
  installed = true;
  const logger = new Logger('temporal');
  Runtime.install({
    logger: new DefaultLogger(level, (entry) => {
      const line = { ...entry.meta, message: entry.message };
      if (entry.level === 'ERROR') logger.error(line);
      else if (entry.level === 'WARN') logger.warn(line);
      else logger.log(line);
    }),
  });
}
