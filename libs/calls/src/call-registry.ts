import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { CallPeer, CallRecordingEvent, DomainError, ErrorCode, SessionMode } from '@tiaojie/core';
import { callGroups } from './call-groups';

/** A browser mesh: every participant sends their media to every other one. */
export const MAX_CALL_PEERS = 6;

export interface PeerState extends CallPeer {
  socketId: string;
  /** The account's role, for the audit entries of this peer's leave. */
  accountRole: string;
  joinedAt: Date;
}

/** The peer as other participants see it. */
export function peerView(p: PeerState): CallPeer {
  return {
    peerId: p.peerId,
    userId: p.userId,
    name: p.name,
    role: p.role,
    label: p.label,
    ...(p.partyId ? { partyId: p.partyId } : {}),
  };
}

export interface CallState {
  sessionId: string;
  disputeId: string;
  /** The case's parties: whom a caucus may be held with. */
  partyIds: string[];
  mode: SessionMode;
  with?: string;
  peers: Map<string, PeerState>;
  /** userIds who consented to recording (only those present count). */
  consent: Set<string>;
  /** The running (or finishing) recording, if any. */
  recordingId: string | null;
}

/**
 * The calls held on this api instance, in memory: who is in which call and group. Every method is synchronous,
 * so the mesh limit and group changes need no lock.
 */
@Injectable()
export class CallRegistry {
  private readonly calls = new Map<string, CallState>();
  private counter = 0;

  get(sessionId: string): CallState | undefined {
    return this.calls.get(sessionId);
  }

  /** Adds a peer; the same user's earlier peer (another tab, a dropped connection) is replaced and returned. */
  join(
    sessionId: string,
    disputeId: string,
    partyIds: string[],
    who: Omit<PeerState, 'peerId' | 'joinedAt'>,
    now: Date,
    max = MAX_CALL_PEERS,
  ): { call: CallState; peer: PeerState; replaced: PeerState | null } {
    const call = this.calls.get(sessionId) ?? {
      sessionId,
      disputeId,
      partyIds,
      mode: 'joint' as SessionMode,
      peers: new Map<string, PeerState>(),
      consent: new Set<string>(),
      recordingId: null,
    };
    const replaced = [...call.peers.values()].find((p) => p.userId === who.userId) ?? null;
    if (!replaced && call.peers.size >= max)
      throw new DomainError(ErrorCode.CALL_FULL, `本次视频调解已有 ${max} 人参加，已达上限，无法加入`, {
        max,
      });
    if (replaced) call.peers.delete(replaced.peerId);
    this.counter += 1;
    const peerId = `p${String(this.counter).padStart(8, '0')}${randomBytes(3).toString('hex')}`;
    const peer: PeerState = { ...who, peerId, joinedAt: now };
    call.peers.set(peerId, peer);
    this.calls.set(sessionId, call);
    return { call, peer, replaced };
  }

  /** Removes a peer; the call is forgotten when its last peer leaves. */
  leave(sessionId: string, peerId: string): PeerState | null {
    const call = this.calls.get(sessionId);
    const peer = call?.peers.get(peerId);
    if (!call || !peer) return null;
    call.peers.delete(peerId);
    if (![...call.peers.values()].some((p) => p.userId === peer.userId)) call.consent.delete(peer.userId);
    if (call.peers.size === 0) this.calls.delete(sessionId);
    return peer;
  }

  peerOfSocket(sessionId: string, socketId: string): PeerState | null {
    const call = this.calls.get(sessionId);
    return [...(call?.peers.values() ?? [])].find((p) => p.socketId === socketId) ?? null;
  }

  /** Every call a socket is in (normally one), for its disconnect. */
  ofSocket(socketId: string): { sessionId: string; peerId: string }[] {
    const out: { sessionId: string; peerId: string }[] = [];
    for (const call of this.calls.values())
      for (const p of call.peers.values())
        if (p.socketId === socketId) out.push({ sessionId: call.sessionId, peerId: p.peerId });
    return out;
  }

  groups(call: CallState): string[][] {
    return callGroups(call.peers.values(), call.mode, call.with);
  }

  /** The recording state the participants see: on while everyone present consents and the mediator is there. */
  recording(call: CallState): CallRecordingEvent {
    const present = [...new Set([...call.peers.values()].map((p) => p.userId))];
    const consented = present.filter((u) => call.consent.has(u));
    // the assigned mediator's page is the recorder: without it nothing can run
    const recorder = [...call.peers.values()].some((p) => p.role === 'mediator');
    const all = consented.length === present.length && recorder;
    const state = consented.length === 0 ? 'off' : all ? 'on' : 'waiting';
    return {
      sessionId: call.sessionId,
      state,
      consented,
      ...(state === 'on' && call.recordingId ? { recordingId: call.recordingId } : {}),
    };
  }
}
