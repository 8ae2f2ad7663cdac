/**
 * The activities workflows call. Only types live here: the deadline service implements them as
 * Nest providers, and workflow code imports this file with `import type`.
 */
import type { AtRiskProcedure } from '@banjie/contracts';

export interface EscalationRequest {
  /** Ledger key: one escalation per subject and rung, however often an activity is retried. */
  subject: string;
  rung: string;
  /** `PORTFOLIO` for an escalation about the whole portfolio (the quarter target). */
  projectCode: string;
  procedureId?: string;
  reason: string;
  correlationId: string;
  /** The procedures most likely to change a quarter's result (quarter-target escalations). */
  atRisk?: AtRiskProcedure[];
}

export type RungKind = 'REMINDER' | 'ESCALATION';
/** Who a rung of the ladder addresses: the deciding department and the project's helpers, the supervisors, or the chain's leading official. */
export type RungAudience = 'DEPARTMENT_AND_HELPERS' | 'SUPERVISORS' | 'LEADING_OFFICIAL';

/** One rung of a procedure's deadline ladder (or of its acceptance window), reached: the service records it once and resolves the recipients. */
export interface RungNotice {
  /** `procedure:<procedureId>:<applicationNumber>` — with `rung`, the ledger key. */
  subject: string;
  rung: string;
  kind: RungKind;
  audience: RungAudience;
  projectCode: string;
  procedureId: string;
  applicationNumber: number;
  department: string;
  dueDate: string;
  /** Working days left on the rung's day: 3 three days before, 0 on the due day, negative when overdue. */
  remainingWorkingDays: number;
  /** The due date is provisional (暂定): counted across a year not published yet (absent in histories from before: false). */
  provisional?: boolean;
  calendarVersion?: number;
  /** Set on an acceptance window's notices (subject `acceptance:…`): `dueDate` is the window's last day, counted from `receivedOn`. */
  acceptance?: { receivedOn: string; windowWorkingDays: number };
  correlationId: string;
}

/** An acceptance window that lapsed with no decision heard of: the approval service deems the application accepted (art. 32). */
export interface AcceptanceLapse {
  procedureId: string;
  projectCode: string;
  applicationNumber: number;
  receivedOn: string;
  /** The window's last day. */
  acceptanceDueDate: string;
  /** 00:00 Asia/Shanghai of the working day after the window's last day. */
  lapsedAt: string;
  /** 1 for the first report, then one more for each day without a decision. */
  report: number;
  correlationId: string;
}

export interface CompletionTallyView {
  applicable: number;
  completed: number;
  rate: number | null;
}

export interface QuarterReadingRequest {
  quarter: string;
  /** The day the reading is taken for (end of that day, Asia/Shanghai). */
  asOf: string;
  target: number;
  forecastWindowWorkingDays?: number;
  atRiskLimit: number;
}

/** The completion rate of the key projects' procedures as of a day, its end-of-quarter forecast, and who could change it. */
export interface QuarterReading {
  quarter: string;
  asOf: string;
  target: number;
  overall: CompletionTallyView;
  forecast: {
    basis: string;
    forecastRate: number | null;
    pacePerWorkingDay: number | null;
    projectedCompleted: number | null;
    workingDaysLeft: number | null;
  };
  byDepartment: Array<{ department: string } & CompletionTallyView>;
  /** Approvals still needed to reach the target (0 when reached). */
  completionsNeeded: number;
  atRisk: AtRiskProcedure[];
}

export interface DeadlineActivities {
  /** Milliseconds from now until an instant (0 if past); time is read here, never in workflow code. */
  millisecondsUntil(instant: string): Promise<number>;
  /** The current instant (ISO 8601): workflows read the time through this activity, never from the clock. */
  currentInstant(): Promise<string>;
  raiseEscalation(request: EscalationRequest): Promise<void>;
  /** Records and publishes a reminder or an escalation once per (subject, rung); false if it already was. */
  sendRungNotice(notice: RungNotice): Promise<boolean>;
  /** Publishes (through the outbox) that an acceptance window lapsed; the approval service applies it at most once. */
  reportAcceptanceLapsed(lapse: AcceptanceLapse): Promise<void>;
  readQuarterTarget(request: QuarterReadingRequest): Promise<QuarterReading>;
  recordQuarterCheckpoint(reading: QuarterReading, escalated: boolean): Promise<void>;
  /** Publishes the quarter's final result once. */
  concludeQuarterTarget(reading: QuarterReading): Promise<void>;
}
