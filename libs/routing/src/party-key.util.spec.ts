import { normalisePartyKey } from './party-key.util';

describe('normalisePartyKey', () => {
  it.each([
    ['138 0000 0001', '13800000001'],
    ['+86 138-0000-0001', '13800000001'],
    ['0086 13800000001', '13800000001'],
    ['１３８００００００01', '13800000001'],
    ['32060219900101123x', '32060219900101123x'],
    ['32060219900101123X', '32060219900101123x'],
    ['某某科技有限公司（南京）', '某某科技有限公司南京'],
    [' 某某科技有限公司 (南京) ', '某某科技有限公司南京'],
    ['ACME Co. Ltd', 'acmecoltd'],
  ])('%s → %s', (raw, expected) => {
    expect(normalisePartyKey(raw)).toBe(expected);
  });

  it('keeps different identities different', () => {
    expect(normalisePartyKey('13800000001')).not.toBe(normalisePartyKey('13800000002'));
    expect(normalisePartyKey('0551-1234567')).toBe('05511234567');
    expect(normalisePartyKey('8613800000001')).toBe('13800000001');
    expect(normalisePartyKey('+8512345678')).toBe('+8512345678');
  });
});
