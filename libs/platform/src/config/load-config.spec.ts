import { LOCAL_DEVELOPMENT_JWT_SECRET, LOCAL_DEVELOPMENT_MODE } from '../auth/local-signing-key';
import { ConfigError, loadConfig, platformEnvironment } from './load-config';

const base = { DATABASE_URL: 'postgres://u:p@db:5432/banjie', KAFKA_BROKERS: 'kafka:9092' };

describe('loadConfig: the signing key and token limits', () => {
  it('refuses the repository key outside development mode, naming JWT_SECRET', () => {
    for (const mode of [{}, { BANJIE_DEV_MODE: '0' }, { NODE_ENV: 'development' }]) {
      expect(() =>
        loadConfig(platformEnvironment, { ...base, JWT_SECRET: LOCAL_DEVELOPMENT_JWT_SECRET, ...mode }),
      ).toThrow(/JWT_SECRET: is the local development key published in the repository/);
    }
  });

  it('accepts the repository key when the launcher says it is development mode', () => {
    expect(
      loadConfig(platformEnvironment, {
        ...base,
        JWT_SECRET: LOCAL_DEVELOPMENT_JWT_SECRET,
        ...LOCAL_DEVELOPMENT_MODE,
      }).JWT_SECRET,
    ).toBe(LOCAL_DEVELOPMENT_JWT_SECRET);
  });

  it('accepts a key of its own without development mode', () => {
    expect(loadConfig(platformEnvironment, { ...base, JWT_SECRET: 'k'.repeat(40) }).JWT_SECRET).toBe(
      'k'.repeat(40),
    );
  });

  it('reports the local key together with other bad variables', () => {
    expect(() => loadConfig(platformEnvironment, { JWT_SECRET: LOCAL_DEVELOPMENT_JWT_SECRET })).toThrow(
      /DATABASE_URL[\s\S]*JWT_SECRET: is the local development key/,
    );
  });

  it('refuses a development mode that is neither 1 nor 0', () => {
    expect(() =>
      loadConfig(platformEnvironment, { ...base, JWT_SECRET: 'k'.repeat(40), BANJIE_DEV_MODE: 'yes' }),
    ).toThrow(ConfigError);
  });

  it('bounds token lifetimes: 12 hours and 60 s of clock skew by default, configurable', () => {
    expect(loadConfig(platformEnvironment, { ...base, JWT_SECRET: 'k'.repeat(40) })).toMatchObject({
      JWT_MAX_LIFETIME_SECONDS: 43_200,
      JWT_CLOCK_SKEW_SECONDS: 60,
    });
    expect(
      loadConfig(platformEnvironment, {
        ...base,
        JWT_SECRET: 'k'.repeat(40),
        JWT_MAX_LIFETIME_SECONDS: '3600',
        JWT_CLOCK_SKEW_SECONDS: '5',
      }),
    ).toMatchObject({
      JWT_MAX_LIFETIME_SECONDS: 3600,
      JWT_CLOCK_SKEW_SECONDS: 5,
    });
    expect(() =>
      loadConfig(platformEnvironment, {
        ...base,
        JWT_SECRET: 'k'.repeat(40),
        JWT_MAX_LIFETIME_SECONDS: String(100 * 365 * 24 * 3600),
      }),
    ).toThrow(/JWT_MAX_LIFETIME_SECONDS/);
  });
});

describe('loadConfig: HTTP_HOST', () => {
  const hostOf = (HTTP_HOST?: string) =>
    loadConfig(platformEnvironment, { ...base, JWT_SECRET: 'k'.repeat(40), HTTP_HOST }).HTTP_HOST;

  it('listens on loopback unless told', () => {
    expect(hostOf(undefined)).toBe('127.0.0.1');
  });

  it.each([
    '0.0.0.0',
    '10.1.2.3',
    '::',
    '::1',
    'fe80::1',
    'localhost',
    'notice-service',
    'board.yumen.gov.cn',
  ])('accepts %s', (host) => {
    expect(hostOf(host)).toBe(host);
  });

  it.each([
    '',
    ' ',
    '999.1.1.1',
    '10.1.2',
    '127.0.0.1 ',
    'local host',
    '[::1]',
    'http://0.0.0.0',
    '-bad.example',
  ])('refuses %j, naming HTTP_HOST', (host) => {
    expect(() => hostOf(host)).toThrow(/HTTP_HOST: must be an IPv4 or IPv6 address or a host name/);
  });
});
