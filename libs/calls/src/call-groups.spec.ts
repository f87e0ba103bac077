import { callGroups, offerer, sameGroup, separatedPairs } from './call-groups';

const mediator = { peerId: 'p1', role: 'mediator' as const };
const zhang = { peerId: 'p2', role: 'party' as const, partyId: 'A' };
const zhangAgent = { peerId: 'p5', role: 'agent' as const, partyId: 'A' };
const li = { peerId: 'p3', role: 'party' as const, partyId: 'B' };
const judge = { peerId: 'p4', role: 'invited' as const };
const peers = [mediator, zhang, li, judge, zhangAgent];

describe('call groups', () => {
  it('puts everyone in one group in joint mode', () => {
    expect(callGroups(peers, 'joint')).toEqual([['p1', 'p2', 'p3', 'p4', 'p5']]);
  });

  it('separates the caucus party (with its agent), the mediator and invited staff from the others', () => {
    const groups = callGroups(peers, 'caucus', 'A');
    expect(groups).toEqual([['p1', 'p2', 'p4', 'p5'], ['p3']]);
    expect(sameGroup(groups, 'p1', 'p2')).toBe(true);
    expect(sameGroup(groups, 'p2', 'p3')).toBe(false);
    expect(sameGroup(groups, 'p1', 'p3')).toBe(false);
  });

  it('lists every pair that must close when caucus starts, and none when it ends', () => {
    const joint = callGroups(peers, 'joint');
    const caucus = callGroups(peers, 'caucus', 'B');
    expect(separatedPairs(joint, caucus).map((p) => p.join('-'))).toEqual([
      'p1-p2',
      'p1-p5',
      'p2-p3',
      'p2-p4',
      'p3-p5',
      'p4-p5',
    ]);
    expect(separatedPairs(caucus, joint)).toEqual([]);
  });

  it('lets the higher peerId (the newcomer) offer', () => {
    expect(offerer('p00000002aa', 'p00000010bb')).toBe('p00000010bb');
    expect(offerer('p00000010bb', 'p00000002aa')).toBe('p00000010bb');
  });
});
