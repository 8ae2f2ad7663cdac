import { noticeConfig } from './config';

const env = {
  DATABASE_URL: 'postgres://banjie@127.0.0.1:5432/banjie',
  KAFKA_BROKERS: '127.0.0.1:9092',
  JWT_SECRET: 'a-test-signing-key-of-32-characters-or-more',
};

describe('notice config: stream limits', () => {
  it('bounds streams by default: 200 in all, 10 per client, 128 KiB waiting, replays up to 500 changes and 64 KiB', () => {
    expect(noticeConfig(env).stream).toEqual({
      retryMs: 3_000,
      heartbeatMs: 15_000,
      maxStreams: 200,
      maxStreamsPerClient: 10,
      maxBufferedBytes: 128 * 1_024,
      replayMaxEvents: 500,
      replayMaxBytes: 64 * 1_024,
    });
  });

  it('refuses a per-client limit above the total, naming the variable', () => {
    expect(() =>
      noticeConfig({ ...env, NOTICE_SSE_MAX_STREAMS: '5', NOTICE_SSE_MAX_STREAMS_PER_CLIENT: '6' }),
    ).toThrow('NOTICE_SSE_MAX_STREAMS_PER_CLIENT: must not exceed NOTICE_SSE_MAX_STREAMS');
  });

  it('refuses a replay bound above the buffer bound (a replay would drop the client that asked for it)', () => {
    expect(() =>
      noticeConfig({ ...env, NOTICE_SSE_MAX_BUFFERED_BYTES: '65536', NOTICE_SSE_REPLAY_MAX_BYTES: '65537' }),
    ).toThrow('NOTICE_SSE_REPLAY_MAX_BYTES: must not exceed NOTICE_SSE_MAX_BUFFERED_BYTES');
  });

  it('refuses a limit that is not a positive whole number', () => {
    expect(() => noticeConfig({ ...env, NOTICE_SSE_MAX_STREAMS: '0' })).toThrow(/NOTICE_SSE_MAX_STREAMS:/);
    expect(() => noticeConfig({ ...env, NOTICE_SSE_MAX_BUFFERED_BYTES: 'lots' })).toThrow(
      /NOTICE_SSE_MAX_BUFFERED_BYTES:/,
    );
  });
});
