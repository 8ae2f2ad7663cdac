import { signWebhook, verifyWebhookSignature } from './webhook-signature';

const SECRET = 'a-webhook-secret-of-at-least-32-characters';
const BODY = '{"eventId":"e1","type":"EscalationRaised"}';
const NOW = 1_700_000_000;

describe('webhook signatures', () => {
  it('is HMAC-SHA256 of "<timestamp>.<body>" in hex (the same as openssl dgst -sha256 -hmac)', () => {
    expect(signWebhook(SECRET, NOW, BODY)).toBe(
      'sha256=e5624e0a1ac9de4a7ac2645486ba5edcee868548e30937ca18eb4a70b4e5e529',
    );
  });

  it('verifies a genuine delivery', () => {
    expect(
      verifyWebhookSignature(
        SECRET,
        { signature: signWebhook(SECRET, NOW, BODY), timestamp: String(NOW) },
        BODY,
        NOW + 10,
      ),
    ).toEqual({ valid: true });
  });

  it.each([
    [
      'a changed body',
      { signature: signWebhook(SECRET, NOW, BODY), timestamp: String(NOW) },
      `${BODY} `,
      NOW,
      /does not match/,
    ],
    [
      'another secret',
      { signature: signWebhook(`${SECRET}!`, NOW, BODY), timestamp: String(NOW) },
      BODY,
      NOW,
      /does not match/,
    ],
    [
      'a timestamp moved to make an old delivery look fresh',
      { signature: signWebhook(SECRET, NOW, BODY), timestamp: String(NOW + 600) },
      BODY,
      NOW + 600,
      /does not match/,
    ],
    [
      'a replay after the tolerance',
      { signature: signWebhook(SECRET, NOW, BODY), timestamp: String(NOW) },
      BODY,
      NOW + 301,
      /more than 300 s/,
    ],
    [
      'a missing signature',
      { signature: undefined, timestamp: String(NOW) },
      BODY,
      NOW,
      /X-Banjie-Signature/,
    ],
    [
      'a signature in another format',
      { signature: 'sha1=abc', timestamp: String(NOW) },
      BODY,
      NOW,
      /sha256=<64 hex digits>/,
    ],
    [
      'a timestamp that is not a number',
      { signature: signWebhook(SECRET, NOW, BODY), timestamp: 'yesterday' },
      BODY,
      NOW,
      /X-Banjie-Timestamp/,
    ],
  ])('refuses %s', (_case, headers, body, now, reason) => {
    const check = verifyWebhookSignature(SECRET, headers, body, now);
    expect(check.valid).toBe(false);
    expect(check.valid ? '' : check.reason).toMatch(reason);
  });
});
