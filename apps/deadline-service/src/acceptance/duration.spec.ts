import { parseDurationMs } from './duration';

describe('parseDurationMs', () => {
  it('reads whole milliseconds and ISO 8601 days and time', () => {
    expect(parseDurationMs('3600000')).toBe(3_600_000);
    expect(parseDurationMs('0')).toBe(0);
    expect(parseDurationMs('PT1H')).toBe(3_600_000);
    expect(parseDurationMs('PT30M')).toBe(1_800_000);
    expect(parseDurationMs('PT0.5S')).toBe(500);
    expect(parseDurationMs('P1DT2H')).toBe(26 * 3_600_000);
    expect(parseDurationMs(' PT2M ')).toBe(120_000);
  });

  it('refuses what is neither, and lengths that vary (years, months, weeks)', () => {
    for (const text of ['', 'P', 'PT', 'P1DT', '1h', '-5', '1.5', 'P1M', 'P1Y', 'P2W', 'PT1H30', 'hour'])
      expect(parseDurationMs(text)).toBeNull();
  });
});
