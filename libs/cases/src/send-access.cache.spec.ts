import { SendAccessCache } from './send-access.cache';

describe('SendAccessCache', () => {
  it('keeps an entry for its time to live, then forgets it', () => {
    let t = 1000;
    const c = new SendAccessCache<string>(50, 10, () => t);
    c.set('a', 'x');
    expect(c.get('a')).toBe('x');
    t += 49;
    expect(c.get('a')).toBe('x');
    t += 2;
    expect(c.get('a')).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('drops the oldest entry when full, and delete forgets at once', () => {
    const c = new SendAccessCache<number>(1000, 2, () => 0);
    c.set('a', 1);
    c.set('b', 2);
    c.set('c', 3);
    expect(c.get('a')).toBeUndefined();
    expect(c.get('b')).toBe(2);
    c.delete('b');
    expect(c.get('b')).toBeUndefined();
    expect(c.get('c')).toBe(3);
  });

  it('deleteIf forgets an entry only while it still holds the given value', () => {
    const c = new SendAccessCache<object>(1000, 10, () => 0);
    const first = {};
    const second = {};
    c.set('k', first);
    c.set('k', second);
    c.deleteIf('k', first);
    expect(c.get('k')).toBe(second);
    c.deleteIf('k', second);
    expect(c.get('k')).toBeUndefined();
  });
});
