import { createHmac } from 'node:crypto';
import { iceServers, turnCredential } from './turn-credentials';

const rtc = {
  turnUrls: ['turn:127.0.0.1:3478?transport=udp'],
  turnSecret: 'a-shared-secret-for-coturn',
  turnTtlSeconds: 600,
  stunUrls: ['stun:127.0.0.1:3478'],
};

describe('TURN credentials (coturn use-auth-secret)', () => {
  it('signs <expiry>:<userId> with HMAC-SHA1 of the shared secret, expiring ttl seconds from now', () => {
    const now = Date.UTC(2026, 11, 7, 8, 0, 0);
    const a = iceServers(rtc, 'user-1', now);
    const turn = a.iceServers.find((s) => s.urls[0].startsWith('turn:'))!;
    expect(turn.username).toBe(`${now / 1000 + 600}:user-1`);
    const expected = createHmac('sha1', rtc.turnSecret).update(turn.username!).digest('base64');
    expect(turn.credential).toBe(expected);
    expect(a).toMatchObject({ ttl: 600, hostOnly: false });
    expect(a.iceServers[0]).toEqual({ urls: rtc.stunUrls });
  });

  it('gives a different password for another expiry or user, and none without the secret', () => {
    const one = turnCredential(rtc.turnSecret, 'u', 100);
    expect(turnCredential(rtc.turnSecret, 'u', 101).credential).not.toBe(one.credential);
    expect(turnCredential(rtc.turnSecret, 'v', 100).credential).not.toBe(one.credential);
    expect(turnCredential('another-secret-value', 'u', 100).credential).not.toBe(one.credential);
  });

  it('answers host candidates only when nothing is configured', () => {
    const none = { turnUrls: [], turnSecret: null, turnTtlSeconds: 3600, stunUrls: [] };
    expect(iceServers(none, 'u', Date.now())).toEqual({ iceServers: [], ttl: 3600, hostOnly: true });
  });
});
