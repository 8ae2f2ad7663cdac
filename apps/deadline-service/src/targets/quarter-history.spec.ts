import { parseLocalDate, parseQuarter } from '@banjie/domain';
import { quarterHasEnded, recordedInTime } from './quarter-history';

describe('quarter history', () => {
  const q1 = parseQuarter('2023-Q1');

  it('a quarter has ended once its last day is behind us (Asia/Shanghai)', () => {
    expect(quarterHasEnded(q1, parseLocalDate('2026-11-30'))).toBe(true);
    expect(quarterHasEnded(q1, parseLocalDate('2023-04-01'))).toBe(true);
    expect(quarterHasEnded(q1, parseLocalDate('2023-03-31'))).toBe(false);
    expect(quarterHasEnded(q1, parseLocalDate('2022-12-30'))).toBe(false);
  });

  it('a reading stands for its day when recorded by the next day, Shanghai time', () => {
    const day = parseLocalDate('2023-03-10');
    expect(recordedInTime(day, new Date('2023-03-10T10:00:00Z'))).toBe(true); // 18:00 Shanghai
    expect(recordedInTime(day, new Date('2023-03-11T15:59:00Z'))).toBe(true); // 23:59 the next day
    expect(recordedInTime(day, new Date('2023-03-11T16:00:00Z'))).toBe(false);
    expect(recordedInTime(day, new Date('2026-11-30T01:00:25Z'))).toBe(false); // the 2026 boot
  });
});
