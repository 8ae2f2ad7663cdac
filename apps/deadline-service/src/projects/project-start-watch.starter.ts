import { Inject, Injectable } from '@nestjs/common';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  type Client,
  type SignalDefinition,
} from '@temporalio/client';
import {
  constructionBeganSignal,
  watchClosedSignal,
  WORKFLOW_TYPES,
  type ProjectStartWatchInput,
  startWatchWorkflowId,
} from '@banjie/workflows';
import { DEADLINE_CONFIG, type DeadlineConfig } from '../config';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';

const DAY_MS = 24 * 3600 * 1000;

/** The end of a civil day in Asia/Shanghai (UTC+8, no daylight saving), as an instant. */
export function endOfShanghaiDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + DAY_MS).toISOString();
}

@Injectable()
export class ProjectStartWatchStarter {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(DEADLINE_CONFIG) private readonly config: DeadlineConfig,
  ) {}

  /** Starts the watch of a project's committed start; starting it twice is harmless. */
  async start(projectCode: string, plannedStart: string, correlationId: string): Promise<void> {
    const input: ProjectStartWatchInput = {
      projectCode,
      dueAt: endOfShanghaiDay(plannedStart),
      graceMs: this.config.startWatchGraceMs,
      correlationId,
    };
    try {
      await this.client.workflow.start(WORKFLOW_TYPES.projectStartWatch, {
        workflowId: startWatchWorkflowId(projectCode),
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  constructionBegan(projectCode: string): Promise<void> {
    return this.signal(projectCode, constructionBeganSignal);
  }

  close(projectCode: string): Promise<void> {
    return this.signal(projectCode, watchClosedSignal);
  }

  /** A watch that never started, or has already ended, has nothing to hear. */
  private async signal(projectCode: string, signal: SignalDefinition<[], string>): Promise<void> {
    try {
      await this.client.workflow.getHandle(startWatchWorkflowId(projectCode)).signal(signal);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }
}
