import { createChineseWorkingDayCalendar } from '../calendar/chinese-working-day-calendar';
import { parseLocalDate } from '../calendar/local-date';
import { forecastEndOfQuarterRate, type CompletionObservation } from './forecast';

const calendar = createChineseWorkingDayCalendar();
const d = parseLocalDate;
const quarterEnd = d('2023-03-31');
const obs = (date: string, completed: number): CompletionObservation => ({ date: d(date), completed });

describe('end-of-quarter forecast', () => {
  // Wednesdays 1, 8, 15 March 2023: five working days apart; 12 working days in (15 Mar, 31 Mar].
  it('extrapolates a flat pace over the working days left', () => {
    const forecast = forecastEndOfQuarterRate({
      applicable: 100,
      completedSeries: [obs('2023-03-01', 20), obs('2023-03-08', 25), obs('2023-03-15', 30)],
      asOf: d('2023-03-15'),
      quarterEnd,
      calendar,
    });
    expect(forecast).toEqual({
      basis: 'LINEAR_PACE',
      applicable: 100,
      currentCompleted: 30,
      currentRate: 0.3,
      pacePerWorkingDay: 1,
      workingDaysLeft: 12,
      projectedCompleted: 42,
      forecastRate: 0.42,
      target: 0.6,
      meetsTarget: false,
    });
  });

  it('uses the average pace over the whole window, or a recent window when asked (accelerating)', () => {
    const input = {
      applicable: 100,
      completedSeries: [obs('2023-03-15', 30), obs('2023-03-01', 10), obs('2023-03-08', 15)], // unsorted on purpose
      asOf: d('2023-03-15'),
      quarterEnd,
      calendar,
    };
    const whole = forecastEndOfQuarterRate(input);
    expect(whole.pacePerWorkingDay).toBe(2);
    expect(whole.projectedCompleted).toBe(54);
    expect(whole.meetsTarget).toBe(false);
    const recent = forecastEndOfQuarterRate({ ...input, windowWorkingDays: 5 });
    expect(recent.pacePerWorkingDay).toBe(3);
    expect(recent.projectedCompleted).toBe(66);
    expect(recent.forecastRate).toBe(0.66);
    expect(recent.meetsTarget).toBe(true);
  });

  it('caps the projection at the applicable count', () => {
    const forecast = forecastEndOfQuarterRate({
      applicable: 40,
      completedSeries: [obs('2023-03-01', 10), obs('2023-03-15', 30)],
      asOf: d('2023-03-15'),
      quarterEnd,
      calendar,
    });
    expect(forecast.projectedCompleted).toBe(40);
    expect(forecast.forecastRate).toBe(1);
  });

  it('reports an already complete portfolio as complete', () => {
    const forecast = forecastEndOfQuarterRate({
      applicable: 30,
      completedSeries: [obs('2023-03-01', 10), obs('2023-03-10', 30)],
      asOf: d('2023-03-15'),
      quarterEnd,
      calendar,
    });
    expect(forecast).toMatchObject({
      basis: 'COMPLETE',
      currentRate: 1,
      projectedCompleted: 30,
      forecastRate: 1,
      meetsTarget: true,
    });
  });

  it('does not forecast without history', () => {
    const forecast = forecastEndOfQuarterRate({
      applicable: 50,
      completedSeries: [],
      asOf: d('2023-03-15'),
      quarterEnd,
      calendar,
    });
    expect(forecast).toMatchObject({
      basis: 'NO_HISTORY',
      projectedCompleted: null,
      forecastRate: null,
      meetsTarget: null,
    });
  });

  it('ignores observations after asOf', () => {
    const forecast = forecastEndOfQuarterRate({
      applicable: 50,
      completedSeries: [obs('2023-03-20', 45)],
      asOf: d('2023-03-15'),
      quarterEnd,
      calendar,
    });
    expect(forecast.basis).toBe('NO_HISTORY');
  });

  it('keeps the current count when history spans no working day', () => {
    const forecast = forecastEndOfQuarterRate({
      applicable: 50,
      completedSeries: [obs('2023-03-10', 20), obs('2023-03-12', 21)], // Friday, then Sunday
      asOf: d('2023-03-15'),
      quarterEnd,
      calendar,
    });
    expect(forecast).toMatchObject({
      basis: 'INSUFFICIENT_HISTORY',
      pacePerWorkingDay: null,
      projectedCompleted: 21,
      forecastRate: 0.42,
    });
  });

  it('counts only working days: a Spring Festival week adds no progress', () => {
    // 13 Jan → 20 Jan: 5 working days, +5. In (20 Jan, 3 Feb]: 7 working days (28, 29 Jan adjusted; 21–27 Jan rest).
    const forecast = forecastEndOfQuarterRate({
      applicable: 100,
      completedSeries: [obs('2023-01-13', 0), obs('2023-01-20', 5)],
      asOf: d('2023-01-20'),
      quarterEnd: d('2023-02-03'),
      calendar,
    });
    expect(forecast.workingDaysLeft).toBe(7);
    expect(forecast.projectedCompleted).toBe(12);
  });

  it('never projects a negative pace, and has nothing to forecast when nothing is applicable', () => {
    const shrinking = forecastEndOfQuarterRate({
      applicable: 50,
      completedSeries: [obs('2023-03-01', 20), obs('2023-03-15', 18)],
      asOf: d('2023-03-15'),
      quarterEnd,
      calendar,
    });
    expect(shrinking.pacePerWorkingDay).toBe(0);
    expect(shrinking.projectedCompleted).toBe(18);
    const none = forecastEndOfQuarterRate({
      applicable: 0,
      completedSeries: [obs('2023-03-01', 0)],
      asOf: d('2023-03-15'),
      quarterEnd,
      calendar,
    });
    expect(none).toMatchObject({ basis: 'NOTHING_APPLICABLE', forecastRate: null, meetsTarget: null });
  });

  it('has no working days left after the quarter end', () => {
    const forecast = forecastEndOfQuarterRate({
      applicable: 50,
      completedSeries: [obs('2023-03-01', 10), obs('2023-04-03', 40)],
      asOf: d('2023-04-03'),
      quarterEnd,
      calendar,
    });
    expect(forecast.workingDaysLeft).toBe(0);
    expect(forecast.projectedCompleted).toBe(40);
  });
});
