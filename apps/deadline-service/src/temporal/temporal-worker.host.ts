import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { installTemporalRuntime } from '@banjie/platform/temporal';
import { DEADLINE_CONFIG, type DeadlineConfig } from '../config';
import { DeadlineActivitiesProvider } from './deadline.activities';
import { workflowBundle } from './workflow-source';

/**
 * Hosts the Temporal worker inside the Nest app: loads (or bundles) the workflows once, binds the Nest
 * activity providers, and drains in-flight activities on shutdown (shutdownGraceTime).
 */
@Injectable()
export class TemporalWorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerHost.name);
  private worker: Worker | undefined;
  private connection: NativeConnection | undefined;
  private running: Promise<void> | undefined;

  constructor(
    @Inject(DEADLINE_CONFIG) private readonly config: DeadlineConfig,
    private readonly activities: DeadlineActivitiesProvider,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    installTemporalRuntime();
    this.connection = await NativeConnection.connect({ address: this.config.temporal.address });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.temporal.namespace,
      taskQueue: this.config.temporal.taskQueue,
      workflowBundle: await workflowBundle(),
      activities: this.activities.activities(),
      shutdownGraceTime: this.config.temporal.shutdownGraceMs,
      maxCachedWorkflows: this.config.temporal.maxCachedWorkflows,
    });
    this.running = this.worker.run().catch((error: unknown) => {
      this.logger.error(`Temporal worker stopped: ${(error as Error).message}`);
    });
    this.logger.log(
      `Temporal worker polling ${this.config.temporal.taskQueue} on ${this.config.temporal.address}`,
    );
  }

  /** Before the data source closes: work in flight still needs the database. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
  }
}
