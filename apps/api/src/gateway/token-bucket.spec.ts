import { ConfigError } from '@tiaojie/core';
import { DEFAULT_ROOM_LIMITS, loadRoomLimits } from './room-limits';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows a burst of capacity, then refills continuously', () => {
    let now = 0;
    const b = new TokenBucket(10, 5000, () => now);
    for (let i = 0; i < 10; i++) expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
    expect(b.retryAfterMs()).toBe(500);
    now = 499;
    expect(b.take()).toBe(false);
    now = 500;
    expect(b.take()).toBe(true);
    now = 60_000;
    for (let i = 0; i < 10; i++) expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
  });
});

describe('loadRoomLimits', () => {
  it('reads count/ms and refuses anything else', () => {
    expect(loadRoomLimits({})).toEqual(DEFAULT_ROOM_LIMITS);
    expect(loadRoomLimits({ ROOM_MESSAGE_RATE: '30/10000' }).messages).toEqual({
      count: 30,
      windowMs: 10000,
    });
    for (const bad of ['10', '0/5000', '10/0', 'ten/5000', '10/5s'])
      expect(() => loadRoomLimits({ ROOM_TYPING_RATE: bad })).toThrow(ConfigError);
  });
});
