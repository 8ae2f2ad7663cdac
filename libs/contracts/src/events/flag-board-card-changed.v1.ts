import { z } from 'zod';
import { DepartmentCode, LifecycleState, ProcedureCode, ProcedureStatus } from '../enums';
import { localDate } from './common-fields';
import { defineEvent } from './envelope';
import { publicProjectFields } from './project-registered.v1';
import { Topics } from './topics';

/**
 * The public flag board (挂旗公示), as published on `public.flag-board.v1` for external notice
 * displays. Public by construction: every object is strict, so a field that is not listed here
 * cannot be published (the notice service validates each card against this schema before it
 * stores, serves or publishes it). Within v1 only optional fields may be added.
 */

/** The colour of one procedure's flag. */
export const PUBLIC_BOARD_FLAGS = [
  'GREY',
  'BLUE',
  'YELLOW',
  'RED',
  'GREEN',
  'NOT_APPLICABLE',
  'ALREADY_HELD',
] as const;
export type PublicBoardFlag = (typeof PUBLIC_BOARD_FLAGS)[number];

/**
 * Where a submitted application stands before acceptance: WAITING for the department within its
 * window (受理时限), SUPPLEMENT_REQUESTED — the department asked once for what is missing
 * (一次性告知) and waits for the applicant, LAPSED — the window closed with no decision (the law
 * deems it accepted; the board shows the lapse until the acceptance is recorded).
 */
export const PUBLIC_ACCEPTANCE_STATES = ['WAITING', 'SUPPLEMENT_REQUESTED', 'LAPSED'] as const;
export type PublicAcceptanceState = (typeof PUBLIC_ACCEPTANCE_STATES)[number];

/** A submitted application waiting for acceptance, as the board shows it. */
export const flagBoardAcceptance = z.strictObject({
  state: z.enum(PUBLIC_ACCEPTANCE_STATES),
  /** The day the application was submitted. */
  submittedOn: localDate,
  /** The last day of the acceptance window; null while the applicant owes the supplement. */
  dueDate: localDate.nullable(),
  /** Working days the department has held the application since it was submitted (the applicant's supplement time left out). */
  workingDaysWaiting: z.number().int().min(0),
});
export type FlagBoardAcceptance = z.infer<typeof flagBoardAcceptance>;

/** One procedure of one project on the board. */
export const flagBoardProcedure = z.strictObject({
  procedure: z.enum(ProcedureCode),
  department: z.enum(DepartmentCode),
  status: z.enum(ProcedureStatus),
  /**
   * GREY not started (no government clock runs), BLUE in progress within its limit, YELLOW due
   * soon, RED overdue, GREEN completed (办结), NOT_APPLICABLE, ALREADY_HELD. Null only when it
   * cannot be known: the working-day calendar does not cover the year yet.
   */
  flag: z.enum(PUBLIC_BOARD_FLAGS).nullable(),
  /** The date shown beside the flag: the due date once accepted (承诺办结日期), before that the plan's target. */
  committedDate: localDate.nullable(),
  /** The last day of the committed working-day limit; null while not running or unknown. */
  dueDate: localDate.nullable(),
  /**
   * True when the due date is counted across a year whose holiday arrangement is not published
   * yet (暂定, provisional: it may move when the State Council's notice appears). Optional, added within v1.
   */
  dueDateProvisional: z.boolean().optional(),
  /** The first target ever set in the plan; never moves. */
  baselineDate: localDate.nullable(),
  /** The current target in the plan. */
  targetDate: localDate.nullable(),
  /** The day the department accepted the application (受理). */
  acceptedOn: localDate.nullable(),
  /**
   * Present while the application is SUBMITTED: waiting for acceptance is its own public state,
   * distinct from not applied (its flag stays GREY: no processing clock runs yet). Optional, added within v1.
   */
  acceptance: flagBoardAcceptance.optional(),
  /** Present (true) when the department never decided and the law deemed the application accepted (art. 32). Optional, added within v1. */
  deemedAccepted: z.literal(true).optional(),
  /** The day of approval, or of the document already held. */
  completedOn: localDate.nullable(),
  /** The approval document's number (批复文号). */
  documentNumber: z.string().nullable(),
  /**
   * Present (true) when the change that put the procedure where it stands was recorded late (补录)
   * by an admin, older than the back-dating grace; optional, added within v1.
   */
  lateEntry: z.literal(true).optional(),
});
export type FlagBoardProcedure = z.infer<typeof flagBoardProcedure>;

/** One key project's public card: its registered facts and one flag per known procedure. */
export const flagBoardCard = z.strictObject({
  // The project's registered public facts, as the intake service publishes them (not its list date or revision).
  ...publicProjectFields.omit({ listedOn: true, revision: true }).shape,
  /** The state a SUSPENDED project returns to (so displays can count it as begun or not). */
  suspendedFrom: z.enum(LifecycleState).nullable(),
  /** Started (new project) or resumed (continuing project): counts towards 开工率 / 复工率. */
  constructionBegun: z.boolean(),
  /** False once cancelled or removed from the key-project list: displays drop the card. */
  onList: z.boolean(),
  listedOn: localDate.nullable(),
  /** The procedures the project's plan has opened, in the catalogue's order (up to 11). */
  procedures: z.array(flagBoardProcedure),
});
export type FlagBoardCard = z.infer<typeof flagBoardCard>;

/** Why a card changed: a project or procedure event, a working day passing, or a rebuild. */
export const FLAG_BOARD_CHANGE_CAUSES = ['EVENT', 'TIME', 'REBUILD'] as const;

/**
 * A project's public card changed. Keyed (aggregateId) by project code; `cardVersion` grows by one
 * with every change of the card: displays keep the highest and ignore older ones.
 */
export const FlagBoardCardChangedV1 = defineEvent(
  Topics.PUBLIC_FLAG_BOARD,
  'FlagBoardCardChanged',
  1,
  z.strictObject({
    cardVersion: z.number().int().positive(),
    /** The working-day calendar version the flags were computed with. Optional, added within v1. */
    calendarVersion: z.number().int().min(0).optional(),
    /** The day (Asia/Shanghai) the flags were computed for. */
    asOf: localDate,
    cause: z.enum(FLAG_BOARD_CHANGE_CAUSES),
    card: flagBoardCard,
  }),
);
