import { dayOfWeek, parseLocalDate } from '../calendar/local-date';
import {
  InvalidQuarterError,
  isMeaningfulQuarter,
  MEANINGFUL_QUARTERS,
  parseQuarter,
  quarterCheckpoints,
  quarterOf,
} from './quarter';

describe('quarter', () => {
  it('parses a label into its first and last day', () => {
    expect(parseQuarter('2023-Q1')).toEqual({
      year: 2023,
      quarter: 1,
      label: '2023-Q1',
      firstDay: '2023-01-01',
      lastDay: '2023-03-31',
    });
    expect(parseQuarter('2023-Q2')).toMatchObject({ firstDay: '2023-04-01', lastDay: '2023-06-30' });
    expect(parseQuarter('2024-Q3')).toMatchObject({ firstDay: '2024-07-01', lastDay: '2024-09-30' });
    expect(parseQuarter('2023-Q4')).toMatchObject({ firstDay: '2023-10-01', lastDay: '2023-12-31' });
  });

  it.each(['2023-Q5', '2023-Q0', '2023Q1', '23-Q1', '2023-q1', '', '2023-Q1 '])(
    'rejects %j with a clear error',
    (label) => {
      expect(() => parseQuarter(label)).toThrow(InvalidQuarterError);
      expect(() => parseQuarter(label)).toThrow(/YYYY-Qn/);
    },
  );

  it('finds the quarter of a date', () => {
    expect(quarterOf(parseLocalDate('2023-03-28')).label).toBe('2023-Q1');
    expect(quarterOf(parseLocalDate('2023-04-01')).label).toBe('2023-Q2');
    expect(quarterOf(parseLocalDate('2023-12-31')).label).toBe('2023-Q4');
  });

  it('knows the quarters of the meaningful dates, 2000-Q1 to 2100-Q4', () => {
    expect(MEANINGFUL_QUARTERS).toEqual({ first: '2000-Q1', last: '2100-Q4' });
    for (const label of ['2000-Q1', '2023-Q1', '2100-Q4']) expect(isMeaningfulQuarter(label)).toBe(true);
    for (const label of ['1999-Q4', '2101-Q1', '0001-Q1', '9999-Q4', '10000-Q1', '2023-Q5', 2023])
      expect(isMeaningfulQuarter(label)).toBe(false);
  });

  describe('checkpoints', () => {
    const points = quarterCheckpoints(parseQuarter('2023-Q1'));

    it('takes every Friday, then every day of the last 14 days', () => {
      expect(points.slice(0, 11)).toEqual([
        '2023-01-06',
        '2023-01-13',
        '2023-01-20',
        '2023-01-27',
        '2023-02-03',
        '2023-02-10',
        '2023-02-17',
        '2023-02-24',
        '2023-03-03',
        '2023-03-10',
        '2023-03-17',
      ]);
      for (const p of points.slice(0, 11)) expect(dayOfWeek(p)).toBe(5);
      expect(points.slice(11)).toHaveLength(14);
      expect(points[11]).toBe('2023-03-18');
      expect(points[points.length - 1]).toBe('2023-03-31');
    });

    it('is sorted and unique, and includes the last day even when it is not a Friday', () => {
      expect([...new Set(points)].sort()).toEqual(points);
      const q2 = quarterCheckpoints(parseQuarter('2023-Q2')); // 30 June 2023 is a Friday; 31 Dec 2023 a Sunday
      expect(q2[q2.length - 1]).toBe('2023-06-30');
      const q4 = quarterCheckpoints(parseQuarter('2023-Q4'));
      expect(q4[q4.length - 1]).toBe('2023-12-31');
      expect([...new Set(q4)].sort()).toEqual(q4);
    });

    it("end at the quarter's last day in any representable year, 9999-Q4 included (it looped forever)", () => {
      const last = quarterCheckpoints(parseQuarter('9999-Q4'));
      expect(last[last.length - 1]).toBe('9999-12-31');
      expect(last.length).toBeLessThanOrEqual(92);
      expect(quarterCheckpoints(parseQuarter('0001-Q1'))[0]).toBe('0001-01-05'); // a Friday: 1 January of the year 1 was a Monday
    });
  });
});
