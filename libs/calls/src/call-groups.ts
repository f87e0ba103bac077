import type { CallPeer, SessionMode } from '@tiaojie/core';

type Grouped = Pick<CallPeer, 'peerId' | 'role' | 'partyId'>;

/**
 * Who may reach whom. Joint: everyone in one group. Caucus with a party: the mediator, invited staff and that
 * party (with its agents) in the first group, everyone else in the second.
 */
export function callGroups(peers: Iterable<Grouped>, mode: SessionMode, withParty?: string): string[][] {
  const all = [...peers].sort((a, b) => (a.peerId < b.peerId ? -1 : 1));
  if (mode === 'joint') return [all.map((p) => p.peerId)];
  const inner = (p: Grouped) => p.role === 'mediator' || p.role === 'invited' || p.partyId === withParty;
  return [all.filter(inner).map((p) => p.peerId), all.filter((p) => !inner(p)).map((p) => p.peerId)];
}

export function sameGroup(groups: string[][], a: string, b: string): boolean {
  return groups.some((g) => g.includes(a) && g.includes(b));
}

/** Pairs that shared a group before and do not now: each side must close its connection to the other. */
export function separatedPairs(before: string[][], after: string[][]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const g of before)
    for (let i = 0; i < g.length; i++)
      for (let j = i + 1; j < g.length; j++) if (!sameGroup(after, g[i], g[j])) pairs.push([g[i], g[j]]);
  return pairs;
}

/** The peer that offers in a pair: the higher peerId (ids sort in join order: the newcomer offers at once). */
export function offerer(a: string, b: string): string {
  return a > b ? a : b;
}
