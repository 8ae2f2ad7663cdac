import type { z } from 'zod';
import type { LifecycleState, PublicProcedureFields, publicProjectFields } from '@banjie/contracts';
import { parseLocalDate, shanghaiLocalDate, type LocalDate } from '@banjie/domain';

/**
 * The whitelist: the only facts of an event the notice service keeps. Each function reads
 * `payload.public` alone and copies the fields it names, so nothing of `internal` (nor any public
 * field the board does not show) is ever stored, served or published.
 */

type PublicProject = z.infer<typeof publicProjectFields>;
type Transition = { from: LifecycleState; to: LifecycleState; effectiveDate: string };

/** What the whitelist is given of an event: its type and time, and the public part of its payload — never `internal`. */
export interface PublicProjectEvent {
  type: string;
  occurredAt: string;
  payload: { public: PublicProject & { transition?: Transition } };
}

export interface PublicProcedureEvent {
  payload: { public: PublicProcedureFields };
}

export interface ProjectFacts {
  code: string;
  name: string;
  type: PublicProject['type'];
  cluster: PublicProject['cluster'];
  chain: string;
  location: string;
  responsibleUnit: string;
  totalInvestment: string;
  plannedStart: string;
  state: LifecycleState;
  listedOn: string | null;
  /** Set by lifecycle events: the move that produced `state`. */
  transition: Transition | null;
}

export interface ProjectHistoryEntry {
  revision: number;
  /** The day from which these facts held. */
  effectiveDate: LocalDate;
  facts: ProjectFacts;
}

export interface ProcedureFacts {
  procedureId: string;
  projectCode: string;
  procedure: PublicProcedureFields['procedure'];
  department: PublicProcedureFields['department'];
  status: PublicProcedureFields['status'];
  committedWorkingDays: number | null;
  extensionWorkingDays: number;
  acceptedOn: string | null;
  pauses: { from: string; to: string | null }[];
  /** The day the current application was submitted; absent on older stored facts (and events). */
  submittedOn?: string | null;
  /** The acceptance window in working days (受理时限); absent on older stored facts: the catalogue's. */
  acceptanceWorkingDays?: number;
  /** The window's last day as the event counted it (the board counts its own: `acceptanceReceivedOn`). */
  acceptanceDueDate?: string | null;
  /** The supplement asked for before acceptance, without its reason (the board does not show it). */
  preAcceptanceSupplement?: { from: string; to: string | null } | null;
  /** The law deemed the current application accepted (art. 32); absent otherwise. */
  deemedAccepted?: true;
  baselineDate: string | null;
  targetDate: string | null;
  dueDate: string | null;
  completedOn: string | null;
  documentNumber: string | null;
  /** The change was recorded late (补录); absent on older stored facts. */
  lateEntry?: boolean;
}

export interface ProcedureHistoryEntry {
  sequence: number;
  effectiveDate: LocalDate;
  facts: ProcedureFacts;
}

export class MissingRevisionError extends Error {
  constructor(code: string) {
    super(
      `project event for ${code} has no public.revision: the board cannot order it among the project's snapshots`,
    );
  }
}

export function projectHistoryEntry(envelope: PublicProjectEvent): ProjectHistoryEntry {
  const published = envelope.payload.public;
  if (published.revision === undefined) throw new MissingRevisionError(published.code);
  const transition = published.transition ?? null;
  return {
    revision: published.revision,
    effectiveDate: projectEffectiveDate(
      envelope.type,
      published.listedOn,
      transition?.effectiveDate,
      envelope.occurredAt,
    ),
    facts: {
      code: published.code,
      name: published.name,
      type: published.type,
      cluster: published.cluster,
      chain: published.chain,
      location: published.location,
      responsibleUnit: published.responsibleUnit,
      totalInvestment: published.totalInvestment,
      plannedStart: published.plannedStart,
      state: published.state,
      listedOn: published.listedOn ?? null,
      transition: transition
        ? { from: transition.from, to: transition.to, effectiveDate: transition.effectiveDate }
        : null,
    },
  };
}

/**
 * A lifecycle move holds from its effective date; a registration from the day the project was
 * listed; a change of registered facts from the day it was made (Asia/Shanghai).
 */
function projectEffectiveDate(
  type: string,
  listedOn: string | undefined,
  transitionDate: string | undefined,
  occurredAt: string,
): LocalDate {
  if (transitionDate) return parseLocalDate(transitionDate);
  if (type === 'ProjectRegistered' && listedOn) return parseLocalDate(listedOn);
  return shanghaiLocalDate(new Date(occurredAt));
}

export function procedureHistoryEntry(envelope: PublicProcedureEvent): ProcedureHistoryEntry {
  const published = envelope.payload.public;
  return {
    sequence: published.sequence,
    effectiveDate: parseLocalDate(published.effectiveDate),
    facts: {
      procedureId: published.procedureId,
      projectCode: published.projectCode,
      procedure: published.procedure,
      department: published.department,
      status: published.status,
      committedWorkingDays: published.committedWorkingDays,
      extensionWorkingDays: published.extensionWorkingDays,
      acceptedOn: published.acceptedOn,
      pauses: published.pauses.map((pause) => ({ from: pause.from, to: pause.to })),
      baselineDate: published.baselineDate,
      targetDate: published.targetDate,
      dueDate: published.dueDate,
      completedOn: published.completedOn,
      documentNumber: published.documentNumber,
      ...(published.lateEntry === true ? { lateEntry: true } : {}),
      ...acceptanceFacts(published),
    },
  };
}

/** The acceptance clock's facts, only those the event carried (older events carry none of them). */
function acceptanceFacts(
  published: PublicProcedureFields,
): Pick<
  ProcedureFacts,
  'submittedOn' | 'acceptanceWorkingDays' | 'acceptanceDueDate' | 'preAcceptanceSupplement' | 'deemedAccepted'
> {
  const supplement = published.preAcceptanceSupplement;
  return {
    ...(published.submittedOn !== undefined ? { submittedOn: published.submittedOn } : {}),
    ...(published.acceptanceWorkingDays !== undefined
      ? { acceptanceWorkingDays: published.acceptanceWorkingDays }
      : {}),
    ...(published.acceptanceDueDate !== undefined ? { acceptanceDueDate: published.acceptanceDueDate } : {}),
    ...(supplement !== undefined
      ? { preAcceptanceSupplement: supplement && { from: supplement.from, to: supplement.to } }
      : {}),
    ...(published.deemedAccepted === true ? { deemedAccepted: true as const } : {}),
  };
}
