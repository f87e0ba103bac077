import { CallRegistry, MAX_CALL_PEERS } from './call-registry';

const now = new Date('2026-12-07T08:00:00Z');
const who = (n: number) => ({
  userId: `u${n}`,
  name: `参与人${n}`,
  role: 'party' as const,
  label: '当事人',
  partyId: `party${n}`,
  socketId: `s${n}`,
  accountRole: 'party',
});

describe('call registry', () => {
  it('admits six participants and refuses the seventh with CALL_FULL', () => {
    const r = new CallRegistry();
    for (let i = 1; i <= MAX_CALL_PEERS; i++) r.join('S', 'D', [], who(i), now);
    expect(() => r.join('S', 'D', [], who(7), now)).toThrow(expect.objectContaining({ code: 'CALL_FULL' }));
    expect(r.get('S')!.peers.size).toBe(6);
  });

  it('replaces the same user on rejoin with a new, later-sorting peerId (even when full)', () => {
    const r = new CallRegistry();
    for (let i = 1; i <= MAX_CALL_PEERS; i++) r.join('S', 'D', [], who(i), now);
    const first = r.peerOfSocket('S', 's1')!;
    const again = r.join('S', 'D', [], { ...who(1), socketId: 's1b' }, now);
    expect(again.replaced?.peerId).toBe(first.peerId);
    expect(again.peer.peerId > first.peerId).toBe(true);
    expect(r.get('S')!.peers.size).toBe(6);
    expect(r.ofSocket('s1')).toEqual([]);
  });

  it('forgets a call when its last peer leaves, and counts consent of those present only', () => {
    const r = new CallRegistry();
    const a = r.join('S', 'D', [], { ...who(1), role: 'mediator' }, now);
    const b = r.join('S', 'D', [], who(2), now);
    a.call.consent.add('u1');
    expect(r.recording(a.call)).toMatchObject({ state: 'waiting', consented: ['u1'] });
    a.call.consent.add('u2');
    a.call.recordingId = 'R';
    expect(r.recording(a.call)).toMatchObject({ state: 'on', recordingId: 'R' });
    r.leave('S', b.peer.peerId);
    r.join('S', 'D', [], who(3), now);
    expect(r.recording(a.call).state).toBe('waiting');
    r.leave('S', a.peer.peerId);
    r.get('S')!.consent.add('u3');
    expect(r.recording(r.get('S')!)).toMatchObject({ state: 'waiting', consented: ['u3'] });
    r.leave('S', r.peerOfSocket('S', 's3')!.peerId);
    expect(r.get('S')).toBeUndefined();
  });
});
