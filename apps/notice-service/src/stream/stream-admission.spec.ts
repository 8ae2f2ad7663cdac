import { StreamAdmission, type Admission } from './stream-admission';

const release = (admission: Admission): void => {
  if (!admission.admitted) throw new Error(`refused: ${admission.refusal}`);
  admission.release();
};

describe('StreamAdmission', () => {
  it('admits a client up to its own limit, then refuses it while others still get in', () => {
    const admission = new StreamAdmission({ maxStreams: 10, maxStreamsPerClient: 2 });
    expect(admission.admit('203.0.113.7').admitted).toBe(true);
    expect(admission.admit('203.0.113.7').admitted).toBe(true);
    expect(admission.admit('203.0.113.7')).toEqual({
      admitted: false,
      refusal: 'TOO_MANY_STREAMS_FROM_CLIENT',
    });
    expect(admission.admit('198.51.100.1').admitted).toBe(true);
    expect(admission.open).toBe(3);
  });

  it('refuses everyone once the service holds its total, and admits again when a stream closes', () => {
    const admission = new StreamAdmission({ maxStreams: 2, maxStreamsPerClient: 2 });
    const first = admission.admit('a');
    admission.admit('b');
    expect(admission.admit('c')).toEqual({ admitted: false, refusal: 'TOO_MANY_STREAMS' });
    release(first);
    expect(admission.admit('c').admitted).toBe(true);
  });

  it('names the client limit first when both are reached', () => {
    const admission = new StreamAdmission({ maxStreams: 1, maxStreamsPerClient: 1 });
    admission.admit('a');
    expect(admission.admit('a')).toEqual({ admitted: false, refusal: 'TOO_MANY_STREAMS_FROM_CLIENT' });
  });

  it('counts a release once, however often it is called', () => {
    const admission = new StreamAdmission({ maxStreams: 3, maxStreamsPerClient: 2 });
    const first = admission.admit('a');
    admission.admit('a');
    release(first);
    release(first);
    expect(admission.open).toBe(1);
    expect(admission.admit('a').admitted).toBe(true);
    expect(admission.admit('a')).toEqual({ admitted: false, refusal: 'TOO_MANY_STREAMS_FROM_CLIENT' });
  });

  it('forgets a client whose streams are all closed', () => {
    const admission = new StreamAdmission({ maxStreams: 100, maxStreamsPerClient: 1 });
    for (let index = 0; index < 50; index++) release(admission.admit(`client-${index}`));
    expect(admission.open).toBe(0);
    expect((admission as unknown as { perClient: Map<string, number> }).perClient.size).toBe(0);
  });
});
