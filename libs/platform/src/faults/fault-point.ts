/**
 * Crash-test hooks for `npm run faults`. With `BANJIE_FAULT_POINT=<name>` in its environment, a
 * process kills itself with SIGKILL — no shutdown hook, no commit, no flush — the
 * `BANJIE_FAULT_AFTER`-th time (default 1st) it passes that point. Without the variable (always,
 * outside the fault suite) a fault point does nothing.
 */
export const FaultPoints = {
  /** Inside a service's command transaction, after its writes, before the commit. */
  BEFORE_COMMIT: 'before-commit',
  /** Outbox rows claimed, not yet sent to Kafka. */
  OUTBOX_BEFORE_PUBLISH: 'outbox-before-publish',
  /** Outbox rows sent to Kafka, not yet marked published. */
  OUTBOX_AFTER_PUBLISH: 'outbox-after-publish',
  /** A consumer's effect committed, its Kafka offset not yet committed. */
  CONSUMER_AFTER_COMMIT: 'consumer-after-commit',
} as const;
export type FaultPoint = (typeof FaultPoints)[keyof typeof FaultPoints];

const armed = process.env.BANJIE_FAULT_POINT;
let remaining = Number(process.env.BANJIE_FAULT_AFTER ?? '1');

export function faultPoint(name: FaultPoint): void {
  if (armed !== name) return;
  remaining -= 1;
  if (remaining <= 0) process.kill(process.pid, 'SIGKILL');
}
