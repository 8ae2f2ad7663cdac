import { deadlineConfig } from '../config';

const base = {
  DATABASE_URL: 'postgres://u:p@db:5432/banjie',
  KAFKA_BROKERS: 'kafka:9092',
  JWT_SECRET: 'x'.repeat(32),
};

describe('acceptance window configuration', () => {
  it('reminds one working day before the last day at the ladder’s wall time, and waits an hour after recording by default', () => {
    expect(deadlineConfig(base).acceptance).toEqual({
      reminders: { workingDaysBefore: [1], fireAt: '09:00' },
      recordingGraceMs: 3_600_000,
    });
  });

  it('reads the reminders and the recording grace as ISO 8601 or milliseconds', () => {
    const config = deadlineConfig({
      ...base,
      DEADLINE_ACCEPTANCE_REMINDER_WORKING_DAYS_BEFORE: '2, 0',
      DEADLINE_ACCEPTANCE_RECORDING_GRACE: 'PT30M',
      DEADLINE_FIRE_AT: '08:30',
    });
    expect(config.acceptance).toEqual({
      reminders: { workingDaysBefore: [2, 0], fireAt: '08:30' },
      recordingGraceMs: 1_800_000,
    });
    expect(
      deadlineConfig({ ...base, DEADLINE_ACCEPTANCE_RECORDING_GRACE: '0' }).acceptance.recordingGraceMs,
    ).toBe(0);
  });

  it.each([
    [
      'DEADLINE_ACCEPTANCE_RECORDING_GRACE',
      '1 hour',
      /DEADLINE_ACCEPTANCE_RECORDING_GRACE.*must be a duration/s,
    ],
    ['DEADLINE_ACCEPTANCE_RECORDING_GRACE', 'P8D', /DEADLINE_ACCEPTANCE_RECORDING_GRACE.*at most 7 days/s],
    [
      'DEADLINE_ACCEPTANCE_REMINDER_WORKING_DAYS_BEFORE',
      '1,x',
      /DEADLINE_ACCEPTANCE_REMINDER_WORKING_DAYS_BEFORE.*whole number of working days/s,
    ],
  ])('refuses to start with %s=%s, naming it and the rule', (name, value, message) => {
    expect(() => deadlineConfig({ ...base, [name]: value })).toThrow(message);
  });
});
