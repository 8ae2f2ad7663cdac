import { deadlineConfig } from '../config';

const base = {
  DATABASE_URL: 'postgres://u:p@db:5432/banjie',
  KAFKA_BROKERS: 'kafka:9092',
  JWT_SECRET: 'x'.repeat(32),
};
const SECRET = 's'.repeat(32);

describe('webhook configuration', () => {
  it('is off without URLs', () => {
    expect(deadlineConfig(base).webhooks).toBeNull();
  });

  it('reads the URLs, the secret, the events and the retry policy', () => {
    const config = deadlineConfig({
      ...base,
      DEADLINE_WEBHOOK_URLS:
        'https://hooks.example.gov.cn/banjie, http://bridge.internal:8080/in,https://hooks.example.gov.cn/banjie',
      DEADLINE_WEBHOOK_SECRET: SECRET,
      DEADLINE_WEBHOOK_EVENTS: 'EscalationRaised',
      DEADLINE_WEBHOOK_MAX_ATTEMPTS: '5',
    });
    expect(config.webhooks).toEqual({
      urls: ['https://hooks.example.gov.cn/banjie', 'http://bridge.internal:8080/in'],
      secret: SECRET,
      events: ['EscalationRaised', 'EscalationWithdrawn'],
      maxAttempts: 5,
      backoff: { initialMs: 5_000, maxMs: 3_600_000 },
      timeoutMs: 10_000,
      pollIntervalMs: 1_000,
      maxEventAgeMs: 7 * 24 * 3600_000,
    });
    expect(
      deadlineConfig({
        ...base,
        DEADLINE_WEBHOOK_URLS: 'https://h.example/x',
        DEADLINE_WEBHOOK_SECRET: SECRET,
      }).webhooks?.events,
    ).toEqual(['EscalationRaised', 'ReminderSent', 'EscalationWithdrawn']);
  });

  it('sends the withdrawals of escalations to whoever receives escalations, and only withdrawals if asked', () => {
    const eventsFor = (events: string) =>
      deadlineConfig({
        ...base,
        DEADLINE_WEBHOOK_URLS: 'https://h.example/x',
        DEADLINE_WEBHOOK_SECRET: SECRET,
        DEADLINE_WEBHOOK_EVENTS: events,
      }).webhooks?.events;
    expect(eventsFor('ReminderSent')).toEqual(['ReminderSent']);
    expect(eventsFor('ReminderSent,EscalationRaised')).toEqual([
      'ReminderSent',
      'EscalationRaised',
      'EscalationWithdrawn',
    ]);
    expect(eventsFor('EscalationWithdrawn')).toEqual(['EscalationWithdrawn']);
  });

  it.each([
    [
      { DEADLINE_WEBHOOK_URLS: 'https://h.example/x' },
      /DEADLINE_WEBHOOK_SECRET: is required when DEADLINE_WEBHOOK_URLS is set/,
    ],
    [
      { DEADLINE_WEBHOOK_URLS: 'https://h.example/x', DEADLINE_WEBHOOK_SECRET: 'short' },
      /DEADLINE_WEBHOOK_SECRET: must be at least 32 characters/,
    ],
    [
      { DEADLINE_WEBHOOK_URLS: 'ftp://h.example/x', DEADLINE_WEBHOOK_SECRET: SECRET },
      /DEADLINE_WEBHOOK_URLS.*absolute http/,
    ],
    [
      {
        DEADLINE_WEBHOOK_URLS: 'https://h.example/x',
        DEADLINE_WEBHOOK_SECRET: SECRET,
        DEADLINE_WEBHOOK_EVENTS: 'ProjectUpdated',
      },
      /DEADLINE_WEBHOOK_EVENTS.*one of EscalationRaised, ReminderSent, EscalationWithdrawn/,
    ],
    [{ DEADLINE_WEBHOOK_MAX_ATTEMPTS: '0' }, /DEADLINE_WEBHOOK_MAX_ATTEMPTS/],
  ])('refuses to start with %j', (env, message) => {
    expect(() => deadlineConfig({ ...base, ...env })).toThrow(message);
  });
});
