import { ProcedureAction } from '@banjie/contracts';
import {
  AcceptanceWindow,
  createChineseWorkingDayCalendar,
  DEFAULT_ACCEPTANCE_WORKING_DAYS,
  PROCEDURE_CATALOGUE,
  type LocalDate,
} from '@banjie/domain';
import { buildApprovalHistory, Q1_2023 } from './approval-history';
import { readPortfolioSeed } from './seed';

const calendar = createChineseWorkingDayCalendar();
const histories = buildApprovalHistory(readPortfolioSeed(), calendar);

interface Submission {
  submittedOn: LocalDate;
  acceptedOn: LocalDate | null;
  window: AcceptanceWindow;
}

/** Every application of the history with its acceptance window (the catalogue's: the seed's plans do not override it). */
const submissions: Submission[] = histories.flatMap((history) => {
  const found: Submission[] = [];
  for (const step of history.steps) {
    if (step.action === ProcedureAction.SUBMIT) {
      const windowDays = PROCEDURE_CATALOGUE[history.procedure].acceptanceWorkingDays;
      found.push({
        submittedOn: step.effectiveDate,
        acceptedOn: null,
        window: new AcceptanceWindow(step.effectiveDate, windowDays, calendar),
      });
    }
    if (step.action === ProcedureAction.ACCEPT) found.at(-1)!.acceptedOn = step.effectiveDate;
  }
  return found;
});

/** README, "The acceptance clock": why the 2023 figures do not move under art. 32. */
describe('the 2023 history under the acceptance clock', () => {
  it('accepts every application it accepts within its window (1–3 working days after submission)', () => {
    const accepted = submissions.filter((submission) => submission.acceptedOn !== null);
    expect(accepted).toHaveLength(513);
    const delays = accepted.map(({ submittedOn, acceptedOn }) =>
      calendar.workingDaysBetween(submittedOn, acceptedOn!),
    );
    expect(Math.min(...delays)).toBe(1);
    expect(Math.max(...delays)).toBe(3);
    expect(Math.max(...delays)).toBeLessThanOrEqual(DEFAULT_ACCEPTANCE_WORKING_DAYS);
  });

  it('leaves 36 applications waiting at its end, none of whose windows lapses within the quarter', () => {
    const waiting = submissions.filter((submission) => submission.acceptedOn === null);
    expect(waiting).toHaveLength(36);
    expect(waiting.some(({ window }) => window.hasLapsed(Q1_2023.reportDay))).toBe(false);
    expect(waiting.some(({ window }) => window.hasLapsed(Q1_2023.quarterEnd))).toBe(false);
    const closing = waiting.map(({ window }) => window.closesOn).sort();
    expect([closing[0], closing.at(-1)]).toEqual(['2023-03-31', '2023-04-04']);
  });
});
