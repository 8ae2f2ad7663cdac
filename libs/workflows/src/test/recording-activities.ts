import type {
  AcceptanceLapse,
  DeadlineActivities,
  EscalationRequest,
  QuarterReading,
  QuarterReadingRequest,
  RungNotice,
} from '../activities';
import type { SimulatedClock } from '@banjie/testing';

export interface Recorded<T> {
  at: string;
  value: T;
}

/**
 * Activities for time-skipping tests: time comes from the simulated clock, and every effect is
 * recorded (with the simulated instant it happened) instead of touching a database. Like the real
 * ledger, a rung notice is recorded once per (subject, rung) while it stands (`withdraw` takes one
 * back, as the service does when a completion or a moved due date shows it was raised in error).
 */
export function recordingActivities(
  clock: SimulatedClock,
  readQuarterTarget: (request: QuarterReadingRequest) => QuarterReading = unexpected,
) {
  const notices: Recorded<RungNotice>[] = [];
  const escalations: Recorded<EscalationRequest>[] = [];
  const checkpoints: Recorded<{ reading: QuarterReading; escalated: boolean }>[] = [];
  const conclusions: Recorded<QuarterReading>[] = [];
  const lapses: Recorded<AcceptanceLapse>[] = [];
  const withdrawn = new Set<Recorded<RungNotice>>();
  const withdraw = (rung: string) => {
    for (const notice of notices) if (notice.value.rung === rung) withdrawn.add(notice);
  };
  const activities: DeadlineActivities = {
    millisecondsUntil: async (instant) => Math.max(0, Date.parse(instant) - (await clock.nowMs())),
    currentInstant: () => clock.nowIso(),
    raiseEscalation: async (request) => void escalations.push({ at: await clock.nowIso(), value: request }),
    sendRungNotice: async (notice) => {
      const standing = (n: Recorded<RungNotice>) =>
        n.value.subject === notice.subject && n.value.rung === notice.rung && !withdrawn.has(n);
      if (notices.some(standing)) return false;
      notices.push({ at: await clock.nowIso(), value: notice });
      return true;
    },
    reportAcceptanceLapsed: async (lapse) => void lapses.push({ at: await clock.nowIso(), value: lapse }),
    readQuarterTarget: async (request) => readQuarterTarget(request),
    recordQuarterCheckpoint: async (reading, escalated) =>
      void checkpoints.push({ at: await clock.nowIso(), value: { reading, escalated } }),
    concludeQuarterTarget: async (reading) =>
      void conclusions.push({ at: await clock.nowIso(), value: reading }),
  };
  return { activities, notices, escalations, checkpoints, conclusions, lapses, withdraw };
}

function unexpected(): never {
  throw new Error('this test does not read the quarter target');
}
