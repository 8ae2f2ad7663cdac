import type { AtRiskProcedure } from '@banjie/contracts';
import type { WorkingDayCalendar } from '@banjie/domain';
import type { SimulatedClock } from '@banjie/testing';
import { readQuarter, type DeadlineActivities, type QuarterReading } from '@banjie/workflows';
import type { SimulatedProcedures } from './simulated-procedures';

/** An escalation the workflows raised, at the simulated instant it was raised. */
export interface RaisedEscalation {
  at: string;
  subject: string;
  rung: string;
  projectCode: string;
  procedureId: string | null;
  department: string | null;
  dueDate: string | null;
  reason: string;
  atRisk: AtRiskProcedure[] | null;
}

export interface SentReminder {
  at: string;
  rung: string;
  procedureId: string;
  department: string;
}

export interface RecordedCheckpoint {
  at: string;
  reading: QuarterReading;
  escalated: boolean;
}

/** What the simulated deadline service recorded: its ledger, its checkpoints and the quarter's result. */
export interface SimulationLedger {
  escalations: RaisedEscalation[];
  reminders: SentReminder[];
  checkpoints: RecordedCheckpoint[];
  conclusion: QuarterReading | null;
}

/**
 * The workflows' activities for the simulation: time is the simulated clock; the quarter reading
 * is the deadline service's own `readQuarter` over the simulated procedures; reminders and
 * escalations go to an in-memory ledger that, like the real one, records each (subject, rung) once.
 */
export function simulationActivities(
  clock: SimulatedClock,
  procedures: SimulatedProcedures,
  calendar: WorkingDayCalendar,
) {
  const ledger: SimulationLedger = { escalations: [], reminders: [], checkpoints: [], conclusion: null };
  const recorded = new Set<string>();
  const once = (subject: string, rung: string): boolean => {
    const key = `${subject}\u0000${rung}`;
    if (recorded.has(key)) return false;
    recorded.add(key);
    return true;
  };

  const activities: DeadlineActivities = {
    millisecondsUntil: async (instant) => Math.max(0, Date.parse(instant) - (await clock.nowMs())),
    currentInstant: () => clock.nowIso(),
    raiseEscalation: async (request) => {
      if (!once(request.subject, request.rung)) return;
      ledger.escalations.push({
        at: await clock.nowIso(),
        subject: request.subject,
        rung: request.rung,
        projectCode: request.projectCode,
        procedureId: request.procedureId ?? null,
        department: null,
        dueDate: null,
        reason: request.reason,
        atRisk: request.atRisk ?? null,
      });
    },
    sendRungNotice: async (notice) => {
      if (!once(notice.subject, notice.rung)) return false;
      const at = await clock.nowIso();
      if (notice.kind === 'REMINDER') {
        ledger.reminders.push({
          at,
          rung: notice.rung,
          procedureId: notice.procedureId,
          department: notice.department,
        });
      } else {
        const overdue = -notice.remainingWorkingDays;
        ledger.escalations.push({
          at,
          subject: notice.subject,
          rung: notice.rung,
          projectCode: notice.projectCode,
          procedureId: notice.procedureId,
          department: notice.department,
          dueDate: notice.dueDate,
          reason: `${notice.procedureId} was due on ${notice.dueDate} and is ${overdue} working days overdue`,
          atRisk: null,
        });
      }
      return true;
    },
    reportAcceptanceLapsed: async () => {
      throw new Error('the Q1 simulation runs no acceptance windows');
    },
    readQuarterTarget: async (request) => readQuarter(procedures.forTarget(), request, calendar),
    recordQuarterCheckpoint: async (reading, escalated) =>
      void ledger.checkpoints.push({ at: await clock.nowIso(), reading, escalated }),
    concludeQuarterTarget: async (reading) => {
      ledger.conclusion = reading;
    },
  };
  return { activities, ledger };
}
