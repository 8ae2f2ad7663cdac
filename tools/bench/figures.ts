// What one bench run measured: the shape of reports/bench.json (without its table of rows).
import type { ServiceName } from '@banjie/testing/stack';
import type { PhaseResult } from './action-driver';
import type { RebuildResult } from './board-rebuild';
import type { CpuUse } from './cpu';
import type { RateFigure } from './raw-limits';
import type { Distribution } from './stats';

/** The 2023 portfolio's procedures: the workflow count a real quarter starts. */
export const PORTFOLIO_2023_PROCEDURES = 127 * 11;

export interface RawLimits {
  postgres1: RateFigure;
  postgres16: RateFigure;
  kafka1: RateFigure;
  kafka16: RateFigure;
}

export interface SeedFigures {
  projects: number;
  seconds: number;
  consumersCaughtUpSeconds: number | null;
  projectsPerSecond: number;
  openingLagSeconds: number;
}

export interface LatencyPhase extends PhaseResult {
  lagDrainSeconds: number | null;
}

export interface RatePhase {
  rate: PhaseResult;
  lagDrainSeconds: number | null;
  lagAtLimit: Record<string, number>;
  sustained: boolean;
  rssPeakMb: Record<ServiceName, number>;
  cpu: CpuUse;
}

export interface WorkflowFigures {
  /** Accepted applications queued while the deadline service was down. */
  queued: number;
  queueingRate: number;
  /** Seconds from the restart until each milestone count of workflows had started (null: not within the limit). */
  secondsFromRestart: Record<number, number | null>;
  bootSeconds: number;
  timerLatenessMs: Distribution;
  cpu: CpuUse;
}

export interface BenchFigures {
  raw: RawLimits;
  seed: SeedFigures;
  latency: LatencyPhase;
  phases: RatePhase[];
  workflows: WorkflowFigures;
  rebuild: RebuildResult;
  rss: { idle: Record<ServiceName, number>; peak: Record<ServiceName, number> };
}
