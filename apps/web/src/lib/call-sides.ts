import type { CallPeer, SessionMode } from '@tiaojie/socket-events';

type Who = Pick<CallPeer, 'role' | 'partyId'>;

/** What placing peers in a caucus needs: the mode, the server's groups, who is in the call and who this page is. */
export interface SidesInput {
  mode: SessionMode;
  with?: string;
  groups: string[][];
  selfPeerId: string | null;
  self: Who | null;
  peers: Map<string, CallPeer & { left?: boolean }>;
}

/** The group (0: with the mediator, 1: the others) the server lists a peer in, or for a newcomer by its rule. */
export function sideOf(x: SidesInput, peerId: string, p: Who | null): number {
  const listed = x.groups.findIndex((g) => g.includes(peerId));
  if (listed >= 0) return mediatorGroup(x) === listed ? 0 : 1;
  if (!p) return 1;
  const withMediator = p.role === 'mediator' || p.role === 'invited' || (!!p.partyId && p.partyId === x.with);
  return withMediator ? 0 : 1;
}

function mediatorGroup(x: SidesInput): number {
  const med = [...x.peers.values()].find((p) => p.role === 'mediator' && !p.left);
  const id = med?.peerId ?? (x.self?.role === 'mediator' ? x.selfPeerId : null);
  const i = id ? x.groups.findIndex((g) => g.includes(id)) : -1;
  return i >= 0 ? i : 0;
}

/** The peers this page may connect to: its own call group (everyone in joint mode). */
export function ownGroup(x: SidesInput): Set<string> {
  if (x.mode === 'joint' || !x.selfPeerId) return new Set(x.peers.keys());
  const mine = sideOf(x, x.selfPeerId, x.self);
  return new Set([...x.peers].filter(([id, p]) => sideOf(x, id, p) === mine).map(([id]) => id));
}
