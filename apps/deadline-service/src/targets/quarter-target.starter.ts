import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { parseQuarter, shanghaiLocalDate } from '@banjie/domain';
import { WORKFLOW_TYPES, type QuarterTargetInput, quarterTargetWorkflowId } from '@banjie/workflows';
import { DEADLINE_CONFIG, type DeadlineConfig } from '../config';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { quarterHasEnded } from './quarter-history';

/** A checkpoint reached more than this late (the service started mid-quarter) is recorded without escalating. */
const CATCH_UP_TOLERANCE_MS = 24 * 3600_000;

/**
 * Starts the configured quarter's target workflow; starting it again is harmless, and a concluded
 * quarter stays concluded. A quarter that has already ended is not watched (its checkpoints would
 * all pass within seconds, on a projection still loading): `GET /targets/:quarter` computes it from history.
 */
@Injectable()
export class QuarterTargetStarter {
  private readonly logger = new Logger(QuarterTargetStarter.name);
  private toldEnded = false;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(DEADLINE_CONFIG) private readonly config: DeadlineConfig,
  ) {}

  /** True when this call started it. */
  async ensureStarted(now: Date = new Date()): Promise<boolean> {
    const { quarter, target, checkpointAt, forecastWindowWorkingDays, atRiskLimit } =
      this.config.quarterTarget;
    if (quarterHasEnded(parseQuarter(quarter), shanghaiLocalDate(now))) {
      if (!this.toldEnded)
        this.logger.log(
          `${quarter} has ended: not watched, GET /targets/${quarter} computes it from history`,
        );
      this.toldEnded = true;
      return false;
    }
    const input: QuarterTargetInput = {
      quarter,
      target,
      checkpointAt,
      atRiskLimit,
      catchUpToleranceMs: CATCH_UP_TOLERANCE_MS,
      correlationId: randomUUID(),
      ...(forecastWindowWorkingDays === undefined ? {} : { forecastWindowWorkingDays }),
    };
    try {
      await this.client.workflow.start(WORKFLOW_TYPES.quarterTarget, {
        workflowId: quarterTargetWorkflowId(quarter),
        taskQueue: this.config.temporal.taskQueue,
        workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
        args: [input],
      });
      return true;
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
      throw error;
    }
  }
}
