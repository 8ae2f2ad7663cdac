import { createChineseWorkingDayCalendar } from '@banjie/domain';
import { plannedProcedure, run } from '../test/procedure-records';
import { whyLapseDoesNotApply, type AcceptanceLapse } from './acceptance-lapse';

const calendar = createChineseWorkingDayCalendar();
// Submitted Wed 18 Jan 2023: the window's last day is Mon 30 Jan (the Spring Festival left out).
const submitted = () => run(plannedProcedure(), [{ action: 'submit' }, '2023-01-18']);
const lapse: AcceptanceLapse = {
  procedureId: 'BJ-2023-0001-EIA',
  projectCode: 'BJ-2023-0001',
  applicationNumber: 1,
  receivedOn: '2023-01-18',
  acceptanceDueDate: '2023-01-30',
  lapsedAt: '2023-01-30T16:00:00.000Z',
};

describe('whether a reported lapse still deems the application accepted', () => {
  it('does from the day after the last day, by this service’s calendar', () => {
    expect(whyLapseDoesNotApply(submitted(), lapse, '2023-01-31', calendar)).toBeNull();
    expect(whyLapseDoesNotApply(submitted(), lapse, '2023-03-01', calendar)).toBeNull();
  });

  it('does not while the window is open, whatever the deadline service counted', () => {
    expect(whyLapseDoesNotApply(submitted(), lapse, '2023-01-30', calendar)).toBe(
      'the window closes on 2023-01-30: not lapsed as of 2023-01-30',
    );
  });

  it('does not once decided, for another application, or for other materials', () => {
    const accepted = run(submitted(), [{ action: 'accept' }, '2023-01-19']);
    expect(whyLapseDoesNotApply(accepted, lapse, '2023-02-01', calendar)).toBe(
      'the procedure is ACCEPTED, not SUBMITTED',
    );
    const again = run(
      submitted(),
      [{ action: 'withdraw', reason: '撤回' }, '2023-01-19'],
      [{ action: 'submit' }, '2023-01-20'],
    );
    expect(whyLapseDoesNotApply(again, lapse, '2023-03-01', calendar)).toBe(
      'application 1 is not the current one (2)',
    );
    const asked = run(submitted(), [
      { action: 'request-supplement', supplementReason: 'MISSING_DOCUMENT' },
      '2023-01-19',
    ]);
    expect(whyLapseDoesNotApply(asked, lapse, '2023-03-01', calendar)).toBe(
      'a supplement asked for before acceptance is owed by the applicant',
    );
    const delivered = run(asked, [{ action: 'resubmit' }, '2023-01-20']);
    expect(whyLapseDoesNotApply(delivered, lapse, '2023-03-01', calendar)).toBe(
      'the materials were received on 2023-01-20, not 2023-01-18',
    );
    expect(
      whyLapseDoesNotApply(delivered, { ...lapse, receivedOn: '2023-01-20' }, '2023-03-01', calendar),
    ).toBeNull();
  });
});
