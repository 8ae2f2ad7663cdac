import type { ProcedureCode } from '@banjie/contracts';
import { PROCEDURE_CATALOGUE, type TimelineHolder, type WorkingDaysByPhase } from '@banjie/domain';
import type { TimelineReading } from '../timeline/timeline-reading';

export const DELAY_GROUPINGS = ['department', 'project', 'chain', 'procedure'] as const;
export type DelayGrouping = (typeof DELAY_GROUPINGS)[number];

/** The group of procedures whose project has no industrial chain on record. */
export const NO_CHAIN = 'NO_CHAIN';
/** The key of the row that sums the whole report. */
export const ALL = 'ALL';

/** A procedure as the report groups it. */
export interface ReportedProcedure {
  procedureId: string;
  projectCode: string;
  projectName: string | null;
  chain: string | null;
  procedure: ProcedureCode;
  department: string;
}

/** One row of the report: the procedures of one group, as of the report's day. */
export interface DelayGroup {
  key: string;
  label: string;
  /** Procedures with an application submitted by the day. */
  procedures: number;
  /** Their applications not yet accepted nor ended on the day (a supplement before acceptance included). */
  awaitingAcceptance: number;
  /** Applications the law deemed accepted (art. 32). */
  deemedAcceptances: number;
  /** Procedures whose timeline cannot be counted (a year the calendar does not cover): in `procedures`, in no sum of days. */
  notCounted: number;
  committedWorkingDays: number;
  /** Granted by extensions. */
  extensionWorkingDays: number;
  /** Counted against the limits: processing, extension and overdue. */
  usedWorkingDays: number;
  /** Procedures whose application ran past its limit and any extension. */
  overdueProcedures: number;
  overdueWorkingDays: number;
  byHolder: Record<TimelineHolder, number>;
  byPhase: WorkingDaysByPhase;
}

export interface DelayReport {
  /** Sorted by the working days the department held, most first. */
  groups: DelayGroup[];
  totals: DelayGroup;
  /** Some day counted lies in a calendar year nobody has published yet (暂定). */
  provisional: boolean;
}

export function groupOf(
  procedure: ReportedProcedure,
  groupBy: DelayGrouping,
): { key: string; label: string } {
  switch (groupBy) {
    case 'department':
      return { key: procedure.department, label: procedure.department };
    case 'project':
      return { key: procedure.projectCode, label: procedure.projectName ?? procedure.projectCode };
    case 'chain':
      return procedure.chain === null
        ? { key: NO_CHAIN, label: '未登记产业链' }
        : { key: procedure.chain, label: procedure.chain };
    case 'procedure':
      return { key: procedure.procedure, label: PROCEDURE_CATALOGUE[procedure.procedure].nameZh };
  }
}

function emptyGroup(key: string, label: string): DelayGroup {
  return {
    key,
    label,
    procedures: 0,
    awaitingAcceptance: 0,
    deemedAcceptances: 0,
    notCounted: 0,
    committedWorkingDays: 0,
    extensionWorkingDays: 0,
    usedWorkingDays: 0,
    overdueProcedures: 0,
    overdueWorkingDays: 0,
    byHolder: { DEPARTMENT: 0, ENTERPRISE: 0, NOBODY: 0 },
    byPhase: { AWAITING_ACCEPTANCE: 0, PROCESSING: 0, EXTENSION: 0, OVERDUE: 0, SUPPLEMENT: 0, EXCLUDED: 0 },
  };
}

/** Adds one procedure's reading to a group (a procedure without an application is not in the report). */
function add(group: DelayGroup, reading: TimelineReading): void {
  group.procedures += 1;
  if (!reading.counted) {
    group.notCounted += 1;
    return;
  }
  const { application, timeline } = reading;
  if (application.facts.acceptedOn === null && application.facts.endedOn === null)
    group.awaitingAcceptance += 1;
  if (application.deemedAccepted) group.deemedAcceptances += 1;
  group.committedWorkingDays += timeline.committedWorkingDays;
  group.extensionWorkingDays += timeline.extensionWorkingDays;
  group.usedWorkingDays += timeline.usedWorkingDays;
  if (timeline.byPhase.OVERDUE > 0) group.overdueProcedures += 1;
  group.overdueWorkingDays += timeline.byPhase.OVERDUE;
  for (const holder of Object.keys(group.byHolder) as TimelineHolder[])
    group.byHolder[holder] += timeline.byHolder[holder];
  for (const phase of Object.keys(group.byPhase) as (keyof WorkingDaysByPhase)[])
    group.byPhase[phase] += timeline.byPhase[phase];
}

/**
 * Sums each group's procedures: how many, days used against days committed, and whose turn each
 * working day was; groups sorted by the department's days, most first (then by key), with a row
 * for the whole report. Procedures with no application on the day are left out by the caller.
 */
export function delayReport(
  entries: readonly { procedure: ReportedProcedure; reading: TimelineReading }[],
  groupBy: DelayGrouping,
): DelayReport {
  const groups = new Map<string, DelayGroup>();
  const totals = emptyGroup(ALL, '合计');
  let provisional = false;
  for (const { procedure, reading } of entries) {
    const { key, label } = groupOf(procedure, groupBy);
    const group = groups.get(key) ?? emptyGroup(key, label);
    groups.set(key, group);
    add(group, reading);
    add(totals, reading);
    provisional ||= reading.counted && reading.provisional;
  }
  const sorted = [...groups.values()].sort(
    (a, b) => b.byHolder.DEPARTMENT - a.byHolder.DEPARTMENT || a.key.localeCompare(b.key),
  );
  return { groups: sorted, totals, provisional };
}
