// The approval history of the 2023 portfolio's first quarter: for every REQUIRED procedure, the
// actions its applicant and its department took, day by day — reproducible (seeded), on Chinese
// working days only, and calibrated so that the report day shows the completion rate, the overdue
// and the due-soon procedures the calibration asks for. Pure: no I/O.
import {
  Applicability,
  PROCEDURE_CODES,
  ProcedureAction,
  SupplementReason,
  type ProcedureCode,
} from '@banjie/contracts';
import {
  addDays,
  parseLocalDate,
  PROCEDURE_CATALOGUE,
  toEpochDay,
  type LocalDate,
  type WorkingDayCalendar,
} from '@banjie/domain';
import {
  approvedTimeline,
  openTimeline,
  type ApplicationContext,
  type OpenState,
  type TimedAction,
} from './application-timelines';
import { Dice } from './dice';
import { documentNumber } from './document-numbers';
import { constructionStartOf, type SeedProject } from './seed';
import { WorkingDays } from './working-days';

export interface HistoryCalibration {
  /** Seeds every random choice: the same seed, the same history. */
  seed: string;
  quarterStart: LocalDate;
  quarterEnd: LocalDate;
  /** The day the figures below hold (a working day). */
  reportDay: LocalDate;
  /** Share of REQUIRED procedures approved by the end of the report day… */
  completedByReportDay: number;
  /** …and by the end of the quarter. */
  completedByQuarterEnd: number;
  /** Procedures whose committed clock has run out (red flag) on the report day. */
  overdueOnReportDay: number;
  /** Procedures with `dueSoonWorkingDays` working days left or fewer (yellow flag) on the report day. */
  dueSoonOnReportDay: number;
  dueSoonWorkingDays: number;
}

/**
 * The first quarter of 2023 as the report of 28 March tells it: the city aims at 60 % by 31 March.
 * On the 28th 58.5 % is done, a few procedures are overdue and a dozen due within three working
 * days; the last three days' push takes the quarter to 60.3 %.
 */
export const Q1_2023: HistoryCalibration = {
  seed: 'banjie-portfolio-2023-Q1',
  quarterStart: parseLocalDate('2023-01-01'),
  quarterEnd: parseLocalDate('2023-03-31'),
  reportDay: parseLocalDate('2023-03-28'),
  completedByReportDay: 0.585,
  completedByQuarterEnd: 0.603,
  overdueOnReportDay: 7,
  dueSoonOnReportDay: 12,
  dueSoonWorkingDays: 3,
};

/** Who takes a step: the project's owner enterprise, one of its helpers (帮办代办), or the procedure's department. */
export type StepActor = { kind: 'enterprise' } | { kind: 'helper'; userId: string } | { kind: 'department' };

export interface HistoryStep {
  action: ProcedureAction;
  actor: StepActor;
  effectiveDate: LocalDate;
  /** The action's own body fields (documentNumber, supplementReason, days, reason, note). */
  details: Record<string, unknown>;
}

export interface ProcedureHistory {
  projectName: string;
  procedure: ProcedureCode;
  committedWorkingDays: number;
  /** Where the history leaves the procedure on the report day: approved, or the open state it is in. */
  reportDayState: 'APPROVED' | OpenState;
  /** Whether it is approved by the end of the quarter. */
  approvedInQuarter: boolean;
  steps: HistoryStep[];
}

/**
 * The procedures each one rests on (when both are REQUIRED in a plan): land use after its
 * pre-examination, the engineering planning permit after the land planning permit, and the
 * construction permit after the land, the engineering planning permit and the fire design review
 * (Construction Law art. 8). The catalogue's order lists every prerequisite first.
 */
export const PREREQUISITES: Readonly<Partial<Record<ProcedureCode, readonly ProcedureCode[]>>> = {
  LAND_USE: ['LAND_PREEXAM'],
  ENGINEERING_PLANNING: ['LAND_PLANNING'],
  CONSTRUCTION_PERMIT: ['LAND_USE', 'ENGINEERING_PLANNING', 'FIRE_DESIGN'],
};

interface Candidate {
  project: SeedProject;
  projectIndex: number;
  procedure: ProcedureCode;
  limit: number;
  target: LocalDate | null;
  /** The first working day anything can happen (the project is listed and its plan in force). */
  listedDay: number;
  /** The last working day it may be approved: before construction starts, for a started project's permit. */
  latestApproval: number;
  prerequisites: Candidate[];
  dependents: Candidate[];
  /** Must be approved before the project's construction start (its permit, and what the permit rests on). */
  precedesStart: boolean;
  dice: Dice;
  applicant: StepActor;
  priority: number;
}

/** A procedure in a plan with no target is looked at after everything that has one. */
const NO_TARGET_PRIORITY = 1e6;
/** A started project's permit and what it rests on come first, whatever their targets say. */
const START_PRIORITY_OFFSET = -1e7;
/** The share of procedures due later than three weeks after the report day that are nonetheless under way. */
const EARLY_START_CHANCE = 0.12;
const HELPER_SUBMITS_CHANCE = 0.45;
const OPEN_STATE_WEIGHTS: readonly [OpenState, number][] = [
  ['BLUE', 0.5],
  ['PAUSED', 0.15],
  ['SUBMITTED', 0.25],
  ['REFUSED', 0.1],
];

const SUPPLEMENT_NOTES: Record<SupplementReason, string> = {
  MISSING_DOCUMENT: '缺少相关附件材料，请补充',
  INCOMPLETE_FORM: '申请表填写不完整，请补正',
  INCONSISTENT_DATA: '申报数据与附件不一致，请核实',
  EXPERT_REVIEW_COMMENTS: '请按专家评审意见修改完善',
  OTHER: '请补充说明有关情况',
};

function candidatesOf(
  project: SeedProject,
  projectIndex: number,
  days: WorkingDays,
  calibration: HistoryCalibration,
): Candidate[] {
  const start = constructionStartOf(project);
  const startLimit = start ? days.indexOnOrBefore(addDays(start, -1)) : Number.POSITIVE_INFINITY;
  const byCode = new Map<ProcedureCode, Candidate>();
  for (const procedure of PROCEDURE_CODES) {
    const item = project.plan.find((planned) => planned.procedure === procedure);
    if (item?.applicability !== Applicability.REQUIRED) continue;
    const dice = new Dice(`${calibration.seed}|${project.name}|${procedure}`);
    const target = item.targetDate ? parseLocalDate(item.targetDate) : null;
    const helpers = project.helpers.flatMap((helper) => (helper.userId ? [helper.userId] : []));
    const candidate: Candidate = {
      project,
      projectIndex,
      procedure,
      limit: item.timeLimitWorkingDays ?? PROCEDURE_CATALOGUE[procedure].committedWorkingDays,
      target,
      listedDay: days.indexOnOrAfter(project.listedOn),
      latestApproval: procedure === 'CONSTRUCTION_PERMIT' ? startLimit : Number.POSITIVE_INFINITY,
      prerequisites: (PREREQUISITES[procedure] ?? []).flatMap((code) => byCode.get(code) ?? []),
      dependents: [],
      precedesStart: procedure === 'CONSTRUCTION_PERMIT' && start !== null,
      dice,
      applicant:
        helpers.length > 0 && dice.chance(HELPER_SUBMITS_CHANCE)
          ? { kind: 'helper', userId: dice.pick(helpers) }
          : { kind: 'enterprise' },
      priority: (target ? toEpochDay(target) : NO_TARGET_PRIORITY) + 8 * dice.normal(),
    };
    for (const prerequisite of candidate.prerequisites) prerequisite.dependents.push(candidate);
    byCode.set(procedure, candidate);
  }
  const candidates = [...byCode.values()];
  for (const candidate of [...candidates].reverse()) {
    if (candidate.precedesStart)
      for (const prerequisite of candidate.prerequisites) prerequisite.precedesStart = true;
  }
  for (const candidate of candidates) {
    if (candidate.precedesStart) candidate.priority += START_PRIORITY_OFFSET;
    // What a procedure rests on is always further along than it.
    for (const prerequisite of candidate.prerequisites)
      candidate.priority = Math.max(candidate.priority, prerequisite.priority + 0.01);
  }
  return candidates;
}

function drawOpenState(dice: Dice): OpenState {
  let roll = dice.next();
  for (const [state, weight] of OPEN_STATE_WEIGHTS) {
    if (roll < weight) return state;
    roll -= weight;
  }
  return 'SUBMITTED';
}

class HistoryBuilder {
  private readonly days: WorkingDays;
  private readonly reportDay: number;
  private readonly approvedOn = new Map<Candidate, number>();
  private readonly planned = new Map<Candidate, { state: 'APPROVED' | OpenState; actions: TimedAction[] }>();

  constructor(
    private readonly projects: readonly SeedProject[],
    calendar: WorkingDayCalendar,
    private readonly calibration: HistoryCalibration,
  ) {
    this.days = new WorkingDays(calendar, calibration.quarterStart, calibration.quarterEnd);
    this.reportDay = this.days.indexOnOrAfter(calibration.reportDay);
    if (this.days.at(this.reportDay) !== calibration.reportDay)
      throw new RangeError(`the report day ${calibration.reportDay} is not a working day`);
  }

  build(): ProcedureHistory[] {
    const candidates = this.projects.flatMap((project, index) =>
      candidatesOf(project, index, this.days, this.calibration),
    );
    const ranked = [...candidates].sort((a, b) => a.priority - b.priority || a.projectIndex - b.projectIndex);
    const byReportDay = Math.round(this.calibration.completedByReportDay * candidates.length);
    const byQuarterEnd = Math.round(this.calibration.completedByQuarterEnd * candidates.length);
    const approvedByReportDay = new Set(ranked.slice(0, byReportDay));
    const late = candidates.find(
      (candidate) => candidate.precedesStart && !approvedByReportDay.has(candidate),
    );
    if (late)
      throw new Error(
        `calibration: ${late.project.name} started construction, but its ${late.procedure} is not among the approvals of the report day`,
      );
    for (let index = 0; index < this.projects.length; index += 1) {
      this.approveByReportDay(
        candidates.filter(
          (candidate) => candidate.projectIndex === index && approvedByReportDay.has(candidate),
        ),
      );
    }
    const rest = ranked.slice(byReportDay);
    const pushFlags = this.approveInQuarterEndPush(rest, byQuarterEnd - byReportDay);
    this.leaveOpen(
      rest.filter((candidate) => !this.planned.has(candidate)),
      pushFlags,
    );
    return this.histories(candidates);
  }

  /** The first working day an application can be made: listed, and every prerequisite approved the day before. Null while one is not approved. */
  private earliestSubmit(candidate: Candidate): number | null {
    let earliest = candidate.listedDay;
    for (const prerequisite of candidate.prerequisites) {
      const approved = this.approvedOn.get(prerequisite);
      if (approved === undefined) return null;
      earliest = Math.max(earliest, approved + 1);
    }
    return earliest;
  }

  private context(candidate: Candidate, earliestSubmit: number): ApplicationContext {
    return { limit: candidate.limit, earliestSubmit, dice: candidate.dice };
  }

  /** One project's approvals up to the report day, around their targets, prerequisites first. */
  private approveByReportDay(procedures: Candidate[]): void {
    const latest = new Map<Candidate, number>();
    for (const candidate of [...procedures].reverse()) {
      let bound = Math.min(this.reportDay, candidate.latestApproval);
      // A dependent needs a day to be submitted after, one to be accepted, one to be approved.
      for (const dependent of candidate.dependents)
        bound = Math.min(bound, (latest.get(dependent) ?? Number.POSITIVE_INFINITY) - 3);
      latest.set(candidate, bound);
    }
    for (const candidate of procedures) {
      const earliest = this.earliestSubmit(candidate);
      const lo = earliest === null ? Number.POSITIVE_INFINITY : earliest + 2;
      const hi = latest.get(candidate)!;
      if (earliest === null || lo > hi) {
        throw new Error(
          `calibration: ${candidate.project.name} ${candidate.procedure} cannot be approved between ${this.dayOrNone(lo)} and ${this.dayOrNone(hi)}`,
        );
      }
      const targetDay = candidate.target
        ? this.days.indexOnOrAfter(candidate.target)
        : Number.POSITIVE_INFINITY;
      // Due after the report day but done by then: finished in the last fortnight's sprint.
      const wanted =
        targetDay > this.reportDay
          ? this.reportDay - candidate.dice.int(0, 10)
          : targetDay + candidate.dice.int(-5, 6);
      // Later than allowed: as close to the bound as the work allows, not all on the bound itself.
      const approveOn = Math.max(lo, wanted > hi ? hi - candidate.dice.int(0, 6) : wanted);
      this.approvedOn.set(candidate, approveOn);
      this.planned.set(candidate, {
        state: 'APPROVED',
        actions: approvedTimeline(this.context(candidate, earliest), approveOn),
      });
    }
  }

  /**
   * The quarter-end push: `count` procedures accepted by the report day (red, yellow or blue then,
   * in turn) and approved in the quarter's last working days. Returns the report-day flags used.
   */
  private approveInQuarterEndPush(ranked: Candidate[], count: number): Map<OpenState, number> {
    const flags = new Map<OpenState, number>();
    const rotation: OpenState[] = ['RED', 'YELLOW', 'BLUE'];
    let pushed = 0;
    for (const candidate of ranked) {
      if (pushed === count) break;
      const earliest = this.earliestSubmit(candidate);
      if (earliest === null || earliest >= this.reportDay) continue;
      for (let turn = 0; turn < rotation.length; turn += 1) {
        const flag = rotation[(pushed + turn) % rotation.length]!;
        if ((flags.get(flag) ?? 0) >= this.reportDayQuota(flag)) continue;
        const accepted = openTimeline(
          this.context(candidate, earliest),
          flag,
          this.reportDay,
          this.calibration.dueSoonWorkingDays,
        );
        if (!accepted) continue;
        const approveOn = this.reportDay + candidate.dice.int(1, this.days.lastIndex - this.reportDay);
        this.approvedOn.set(candidate, approveOn);
        this.planned.set(candidate, {
          state: flag,
          actions: [...accepted, { action: ProcedureAction.APPROVE, day: approveOn }],
        });
        flags.set(flag, (flags.get(flag) ?? 0) + 1);
        pushed += 1;
        break;
      }
    }
    if (pushed < count)
      throw new Error(
        `calibration: only ${pushed} of ${count} procedures can be approved in the quarter-end push`,
      );
    return flags;
  }

  /**
   * The procedures not approved in the quarter: those due within three weeks of the report day
   * (and a few others) are under way — the first ones in priority order overdue or due soon, as
   * many as calibrated — the rest are still planned.
   */
  private leaveOpen(ranked: Candidate[], pushFlags: Map<OpenState, number>): void {
    const quota = new Map<OpenState, number>(
      (['RED', 'YELLOW'] as const).map((flag) => [
        flag,
        this.reportDayQuota(flag) - (pushFlags.get(flag) ?? 0),
      ]),
    );
    const soon = addDays(this.calibration.reportDay, 21);
    for (const candidate of ranked) {
      const earliest = this.earliestSubmit(candidate);
      const underWay =
        earliest !== null &&
        earliest <= this.reportDay &&
        ((candidate.target !== null && candidate.target <= soon) ||
          candidate.dice.chance(EARLY_START_CHANCE));
      if (!underWay) {
        this.planned.set(candidate, { state: 'PLANNED', actions: [] });
        continue;
      }
      const wanted: OpenState[] = [
        ...[...quota]
          .filter(([, left]) => left > 0)
          .slice(0, 1)
          .map(([state]) => state),
        drawOpenState(candidate.dice),
        'SUBMITTED',
      ];
      for (const state of wanted) {
        const actions = openTimeline(
          this.context(candidate, earliest),
          state,
          this.reportDay,
          this.calibration.dueSoonWorkingDays,
        );
        if (!actions) continue;
        this.planned.set(candidate, { state, actions });
        if (quota.has(state)) quota.set(state, quota.get(state)! - 1);
        break;
      }
    }
    for (const [state, left] of quota) {
      if (left > 0)
        throw new Error(
          `calibration: ${left} more ${state} procedures were asked for on the report day than the portfolio can show`,
        );
    }
  }

  /** How many procedures the calibration wants showing `flag` on the report day (no limit for the others). */
  private reportDayQuota(flag: OpenState): number {
    if (flag === 'RED') return this.calibration.overdueOnReportDay;
    if (flag === 'YELLOW') return this.calibration.dueSoonOnReportDay;
    return Number.POSITIVE_INFINITY;
  }

  private dayOrNone(index: number): string {
    return Number.isFinite(index) && index >= 0 && index <= this.days.lastIndex
      ? this.days.at(index)
      : 'never';
  }

  private histories(candidates: Candidate[]): ProcedureHistory[] {
    const histories = candidates.map((candidate) => {
      const { state, actions } = this.planned.get(candidate)!;
      let applications = 0;
      const steps = actions.map((timed): HistoryStep => {
        if (timed.action === ProcedureAction.SUBMIT) applications += 1;
        return {
          action: timed.action,
          actor:
            timed.action === ProcedureAction.SUBMIT || timed.action === ProcedureAction.RESUBMIT
              ? candidate.applicant
              : { kind: 'department' },
          effectiveDate: this.days.at(timed.day),
          details: stepDetails(timed, applications, candidate.dice),
        };
      });
      return {
        projectName: candidate.project.name,
        procedure: candidate.procedure,
        committedWorkingDays: candidate.limit,
        reportDayState: state,
        approvedInQuarter: this.approvedOn.has(candidate),
        steps,
      };
    });
    numberDocuments(histories);
    return histories;
  }
}

function stepDetails(timed: TimedAction, applications: number, dice: Dice): Record<string, unknown> {
  switch (timed.action) {
    case ProcedureAction.SUBMIT:
      return applications > 1 ? { note: '按审查意见修改后重新申报' } : {};
    case ProcedureAction.ACCEPT:
      return { note: '材料齐全，予以受理' };
    case ProcedureAction.REQUEST_SUPPLEMENT: {
      const supplementReason = dice.pick(Object.values(SupplementReason));
      return { supplementReason, note: SUPPLEMENT_NOTES[supplementReason] };
    }
    case ProcedureAction.RESUBMIT:
      return { note: '已按要求补正材料' };
    case ProcedureAction.EXTEND:
      return { days: timed.extensionDays, reason: '需组织专家评审，依法延长办理时限' };
    case ProcedureAction.REFUSE:
      return { reason: '申报材料与现场核查情况不符，不予许可' };
    default:
      return {};
  }
}

/** Each kind of document is numbered in the order of its approval dates across the portfolio. */
function numberDocuments(histories: ProcedureHistory[]): void {
  const approvals = histories.flatMap((history, order) =>
    history.steps
      .filter((step) => step.action === ProcedureAction.APPROVE)
      .map((step) => ({ history, step, order })),
  );
  approvals.sort((a, b) =>
    a.step.effectiveDate < b.step.effectiveDate
      ? -1
      : a.step.effectiveDate > b.step.effectiveDate
        ? 1
        : a.order - b.order,
  );
  const serials = new Map<ProcedureCode, number>();
  for (const { history, step } of approvals) {
    const serial = (serials.get(history.procedure) ?? 0) + 1;
    serials.set(history.procedure, serial);
    step.details = { documentNumber: documentNumber(history.procedure, step.effectiveDate, serial) };
  }
}

/**
 * The approval history of the portfolio's REQUIRED procedures, in the seed's project order and
 * the catalogue's procedure order. Throws when the calibration cannot be met by this portfolio.
 */
export function buildApprovalHistory(
  projects: readonly SeedProject[],
  calendar: WorkingDayCalendar,
  calibration: HistoryCalibration = Q1_2023,
): ProcedureHistory[] {
  return new HistoryBuilder(projects, calendar, calibration).build();
}
