import { ProcedureAction, ProcedureStatus } from '@banjie/contracts';
import { boardFlag, createChineseWorkingDayCalendar, procedureClock, type BoardFlag } from '@banjie/domain';
import { buildApprovalHistory, PREREQUISITES, Q1_2023, type ProcedureHistory } from './approval-history';
import { figuresOnDay, procedureOnDay } from './history-replay';
import { constructionStartOf, readPortfolioSeed } from './seed';

const calendar = createChineseWorkingDayCalendar();
const projects = readPortfolioSeed();
const histories = buildApprovalHistory(projects, calendar);
const projectOf = (history: ProcedureHistory) =>
  projects.find((project) => project.name === history.projectName)!;
const approvalDay = (history: ProcedureHistory | undefined) =>
  history?.steps.find((step) => step.action === ProcedureAction.APPROVE)?.effectiveDate;

describe('the 2023 Q1 approval history of the portfolio', () => {
  it('covers every REQUIRED procedure of the seed once, and is the same on every build', () => {
    const required = projects.flatMap((project) =>
      project.plan
        .filter((item) => item.applicability === 'REQUIRED')
        .map((item) => `${project.name}|${item.procedure}`),
    );
    expect(histories.map((history) => `${history.projectName}|${history.procedure}`)).toEqual(required);
    expect(required).toHaveLength(658);
    expect(buildApprovalHistory(projects, calendar)).toEqual(histories);
  });

  it('shows the calibrated figures: 58.5 % on 28 March with 7 overdue and 12 due soon, 60.3 % on 31 March', () => {
    const reportDay = figuresOnDay(histories, Q1_2023.reportDay, calendar, Q1_2023.dueSoonWorkingDays);
    expect(reportDay).toMatchObject({ required: 658, approved: 385, rate: 0.585 });
    expect(reportDay.flags).toMatchObject({ GREEN: 385, RED: 7, YELLOW: 12 });
    expect(reportDay.rate!).toBeLessThan(0.6);
    const quarterEnd = figuresOnDay(histories, Q1_2023.quarterEnd, calendar, Q1_2023.dueSoonWorkingDays);
    expect(quarterEnd).toMatchObject({ approved: 397, rate: 0.603 });
    expect(quarterEnd.rate!).toBeGreaterThanOrEqual(0.6);
    expect(figuresOnDay(histories, '2023-03-30' as never, calendar, 3).rate!).toBeLessThan(0.6);
  });

  it("leaves each procedure on the report day in the state it was built for, by the domain's own clock and flags", () => {
    const expectedFlag: Record<ProcedureHistory['reportDayState'], BoardFlag> = {
      APPROVED: 'GREEN',
      RED: 'RED',
      YELLOW: 'YELLOW',
      BLUE: 'BLUE',
      PAUSED: 'BLUE',
      SUBMITTED: 'GREY',
      REFUSED: 'GREY',
      PLANNED: 'GREY',
    };
    for (const history of histories) {
      const onReportDay = procedureOnDay(history, Q1_2023.reportDay);
      expect([history.procedure, boardFlag(onReportDay, Q1_2023.reportDay, 3, calendar)]).toEqual([
        history.procedure,
        expectedFlag[history.reportDayState],
      ]);
      if (history.reportDayState === 'PAUSED')
        expect(onReportDay.status).toBe(ProcedureStatus.SUPPLEMENT_REQUESTED);
      if (history.reportDayState === 'REFUSED') expect(onReportDay.status).toBe(ProcedureStatus.REFUSED);
      expect(procedureOnDay(history, Q1_2023.quarterEnd).status === ProcedureStatus.APPROVED).toBe(
        history.approvedInQuarter,
      );
    }
  });

  it('acts only on working days of the quarter, on or after the listing, in order', () => {
    const misplaced = histories.flatMap((history) => {
      let previous = projectOf(history).listedOn;
      return history.steps.flatMap((step) => {
        const wrong =
          !calendar.isWorkingDay(step.effectiveDate) ||
          step.effectiveDate < previous ||
          step.effectiveDate > Q1_2023.quarterEnd;
        previous = step.effectiveDate;
        return wrong
          ? [`${history.projectName} ${history.procedure} ${step.action} ${step.effectiveDate}`]
          : [];
      });
    });
    expect(misplaced).toEqual([]);
    // The Spring Festival holiday (21–27 January 2023) is quiet.
    const days = new Set(histories.flatMap((history) => history.steps.map((step) => step.effectiveDate)));
    expect([...days].filter((day) => day >= '2023-01-21' && day <= '2023-01-27')).toEqual([]);
  });

  it("approves a started project's construction permit before construction starts", () => {
    const permits = histories.filter(
      (history) =>
        history.procedure === 'CONSTRUCTION_PERMIT' && constructionStartOf(projectOf(history)) !== null,
    );
    expect(permits.length).toBeGreaterThan(5);
    for (const permit of permits)
      expect([permit.projectName, approvalDay(permit)! < constructionStartOf(projectOf(permit))!]).toEqual([
        permit.projectName,
        true,
      ]);
  });

  it('applies for a procedure only after what it rests on is approved', () => {
    let checked = 0;
    for (const history of histories) {
      const submitted = history.steps[0]?.effectiveDate;
      if (!submitted) continue;
      for (const prerequisite of PREREQUISITES[history.procedure] ?? []) {
        const before = histories.find(
          (other) => other.projectName === history.projectName && other.procedure === prerequisite,
        );
        if (!before) continue;
        checked += 1;
        expect([history.projectName, history.procedure, approvalDay(before)! < submitted]).toEqual([
          history.projectName,
          history.procedure,
          true,
        ]);
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('lets the applicant (the owner or an assigned helper) apply and the department decide', () => {
    const applicantActions: string[] = [ProcedureAction.SUBMIT, ProcedureAction.RESUBMIT];
    let byHelpers = 0;
    for (const history of histories) {
      const helpers = projectOf(history).helpers.map((helper) => helper.userId);
      for (const step of history.steps) {
        if (!applicantActions.includes(step.action)) expect(step.actor).toEqual({ kind: 'department' });
        else if (step.actor.kind === 'helper') {
          byHelpers += 1;
          expect(helpers).toContain(step.actor.userId);
        } else expect(step.actor).toEqual({ kind: 'enterprise' });
      }
    }
    expect(byHelpers).toBeGreaterThan(100);
  });

  it('tells several stories: supplements, extensions, refusals and re-applications, late approvals', () => {
    const actions = histories.flatMap((history) => history.steps.map((step) => step.action));
    for (const action of [
      ProcedureAction.REQUEST_SUPPLEMENT,
      ProcedureAction.RESUBMIT,
      ProcedureAction.EXTEND,
      ProcedureAction.REFUSE,
    ]) {
      expect(actions.filter((taken) => taken === action).length).toBeGreaterThan(5);
    }
    const reapplied = histories.filter(
      (history) => history.steps.filter((step) => step.action === ProcedureAction.SUBMIT).length === 2,
    );
    expect(reapplied.length).toBeGreaterThan(3);
    const daysLeftAtApproval = histories.flatMap((history) => {
      const approvedOn = approvalDay(history);
      return approvedOn
        ? [
            procedureClock(procedureOnDay(history, approvedOn).clock).remainingWorkingDays(
              approvedOn,
              calendar,
            )!,
          ]
        : [];
    });
    expect(daysLeftAtApproval.filter((left) => left < 0).length).toBeGreaterThan(10);
    expect(daysLeftAtApproval.filter((left) => left >= 0).length).toBeGreaterThan(300);
  });

  it('numbers every approval document once', () => {
    const numbers = histories.flatMap((history) =>
      history.steps
        .filter((step) => step.action === ProcedureAction.APPROVE)
        .map((step) => step.details.documentNumber),
    );
    expect(numbers).toHaveLength(397);
    expect(new Set(numbers).size).toBe(numbers.length);
    const heldNumbers = new Set(
      projects.flatMap((project) => project.plan.map((item) => item.documentNumber)),
    );
    expect(numbers.filter((number) => heldNumbers.has(number as string))).toEqual([]);
  });

  it('meets another calibration just as exactly', () => {
    const slower = {
      ...Q1_2023,
      seed: 'another quarter',
      completedByReportDay: 0.5,
      completedByQuarterEnd: 0.55,
      overdueOnReportDay: 0,
      dueSoonOnReportDay: 3,
    };
    const other = buildApprovalHistory(projects, calendar, slower);
    expect(other).not.toEqual(histories);
    expect(figuresOnDay(other, slower.reportDay, calendar, 3)).toMatchObject({
      approved: 329,
      rate: 0.5,
      flags: { RED: 0, YELLOW: 3 },
    });
    expect(figuresOnDay(other, slower.quarterEnd, calendar, 3)).toMatchObject({ approved: 362, rate: 0.55 });
  });

  it('refuses a calibration the portfolio cannot meet instead of quietly missing it', () => {
    expect(() => buildApprovalHistory(projects, calendar, { ...Q1_2023, overdueOnReportDay: 400 })).toThrow(
      /more RED procedures/,
    );
    expect(() =>
      buildApprovalHistory(projects, calendar, { ...Q1_2023, completedByReportDay: 0.01 }),
    ).toThrow(/started construction/);
    expect(() =>
      buildApprovalHistory(projects, calendar, { ...Q1_2023, reportDay: '2023-03-26' as never }),
    ).toThrow(/not a working day/);
  });
});
