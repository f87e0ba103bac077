import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('loads once within the time to live, again after it or after clear, and never keeps a failed load', async () => {
    let now = 1000;
    const cache = new TtlCache(() => now);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cache.get('k', 100, load), cache.get('k', 100, load)])).toEqual([1, 1]);
    now += 99;
    expect(await cache.get('k', 100, load)).toBe(1);
    now += 2;
    expect(await cache.get('k', 100, load)).toBe(2);
    cache.clear('k');
    expect(await cache.get('k', 100, load)).toBe(3);
    await expect(cache.get('bad', 100, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('bad', 100, load)).toBe(4);
  });
});
