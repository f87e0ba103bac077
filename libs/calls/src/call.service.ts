import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  CallJoinResult,
  CallRecordingEvent,
  CallSignalRequest,
  Clock,
  DomainError,
  Role,
  ServerEvent,
  ServerPayload,
  SessionMode,
  UserActor,
  isUuid,
} from '@tiaojie/core';
import { CallAdmissionService } from './call-admission.service';
import { sameGroup, separatedPairs } from './call-groups';
import { CallJournal } from './call-journal';
import { CallRecordingService, ChunkInput } from './call-recording.service';
import { CallRegistry, CallState, PeerState, peerView } from './call-registry';

/** One event for one socket; the gateway delivers them in order. */
export type CallDelivery = {
  [E in ServerEvent]: { to: string; event: E; payload: ServerPayload<E> };
}[ServerEvent];

const MAX_SDP = 64 * 1024;
const DESCRIPTION_TYPES = ['offer', 'answer', 'pranswer', 'rollback'];

/**
 * The calls of online sessions: admission, the relay between peers of one group, joint and caucus, and recording
 * consent. Returns what each socket must be told; the gateway only delivers.
 */
@Injectable()
export class CallService {
  constructor(
    private readonly registry: CallRegistry,
    private readonly admission: CallAdmissionService,
    private readonly journal: CallJournal,
    private readonly recorder: CallRecordingService,
    private readonly clock: Clock,
  ) {}

  async join(actor: UserActor, socketId: string, sessionId: string) {
    const a = await this.admission.admit(actor, sessionId);
    const before = this.registry.get(sessionId);
    const recBefore = before ? this.registry.recording(before) : null;
    const { call, peer, replaced } = this.registry.join(
      sessionId,
      a.disputeId,
      a.partyIds,
      {
        userId: actor.id,
        name: a.name,
        role: a.role,
        label: a.label,
        ...(a.partyId ? { partyId: a.partyId } : {}),
        socketId,
        accountRole: actor.role,
      },
      this.clock.now(),
    );
    // on the session record after the ack, in the session's order: the join must not wait for a disk write.
    // A replaced peer (the same person back before its old socket was noticed gone) leaves the record here.
    if (replaced)
      this.journal.later(actor, {
        sessionId,
        disputeId: a.disputeId,
        kind: 'leave',
        data: { peerId: replaced.peerId, replaced: true },
      });
    this.journal.later(actor, {
      sessionId,
      disputeId: a.disputeId,
      kind: 'join',
      data: { peerId: peer.peerId, role: a.role, rejoin: !!replaced },
    });
    const out: CallDelivery[] = [];
    const groups = this.registry.groups(call);
    if (replaced) {
      // the replaced socket learns it is out (its own peerId left), the others drop it
      const left = { sessionId, peerId: replaced.peerId, groups };
      out.push({ to: replaced.socketId, event: 'call:peer-left', payload: left });
      out.push(...this.toAll(call, peer.peerId, 'call:peer-left', left));
    }
    out.push(
      ...this.toAll(call, peer.peerId, 'call:peer-joined', { sessionId, peer: peerView(peer), groups }),
    );
    out.push(...(await this.recordingChanged(call, recBefore)));
    const result: CallJoinResult = {
      selfPeerId: peer.peerId,
      self: peerView(peer),
      peers: [...call.peers.values()].filter((p) => p.peerId !== peer.peerId).map(peerView),
      mode: call.mode,
      ...(call.with ? { with: call.with } : {}),
      groups: this.registry.groups(call),
      recording: this.registry.recording(call),
    };
    return { result, deliveries: out };
  }

  /** `call:leave`, or the socket disconnected: the peer is removed and the others told. */
  async leave(socketId: string, sessionId: string): Promise<CallDelivery[]> {
    const peer = this.registry.peerOfSocket(sessionId, socketId);
    if (!peer) return [];
    return this.remove(sessionId, peer);
  }

  async disconnect(socketId: string): Promise<CallDelivery[]> {
    const out: CallDelivery[] = [];
    for (const { sessionId } of this.registry.ofSocket(socketId))
      out.push(...(await this.leave(socketId, sessionId)));
    return out;
  }

  signal(socketId: string, req: CallSignalRequest): CallDelivery {
    const { call, peer } = this.joined(socketId, req.sessionId);
    const target = typeof req.to === 'string' ? call.peers.get(req.to) : undefined;
    if (!target) throw DomainError.notFound('call peer', String(req.to));
    if (!sameGroup(this.registry.groups(call), peer.peerId, target.peerId))
      throw DomainError.forbidden('背对背调解期间，不能与另一方通话');
    const payload = { sessionId: call.sessionId, from: peer.peerId, ...checkSignal(req) };
    return { to: target.socketId, event: 'call:signal', payload };
  }

  async mode(actor: UserActor, socketId: string, sessionId: string, mode: unknown, withParty: unknown) {
    const { call, peer } = this.joined(socketId, sessionId);
    if (peer.role !== 'mediator') throw DomainError.forbidden('仅承办调解员可以切换面对面或背对背');
    if (mode !== 'joint' && mode !== 'caucus')
      throw DomainError.validation('调解方式须为面对面或背对背', { field: 'mode' });
    if (mode === 'caucus' && !(isUuid(withParty) && call.partyIds.includes(withParty)))
      throw DomainError.validation('背对背须选择本案的一方当事人', { field: 'with' });
    const before = this.registry.groups(call);
    call.mode = mode as SessionMode;
    call.with = mode === 'caucus' ? (withParty as string) : undefined;
    const groups = this.registry.groups(call);
    await this.journal.write(actor, {
      sessionId,
      disputeId: call.disputeId,
      kind: 'mode',
      data: { mode, with: call.with ?? null },
    });
    const out: CallDelivery[] = [];
    for (const [a, b] of separatedPairs(before, groups)) {
      out.push({
        to: call.peers.get(a)!.socketId,
        event: 'call:close-peer',
        payload: { sessionId, peerId: b },
      });
      out.push({
        to: call.peers.get(b)!.socketId,
        event: 'call:close-peer',
        payload: { sessionId, peerId: a },
      });
    }
    const view = { mode: call.mode, ...(call.with ? { with: call.with } : {}), groups };
    out.push(...this.toAll(call, null, 'call:mode', { sessionId, ...view }));
    return { result: view, deliveries: out };
  }

  async consent(actor: UserActor, socketId: string, sessionId: string, consent: boolean) {
    const { call } = this.joined(socketId, sessionId);
    const before = this.registry.recording(call);
    if (consent === call.consent.has(actor.id)) return { result: before, deliveries: [] as CallDelivery[] };
    if (consent) call.consent.add(actor.id);
    else call.consent.delete(actor.id);
    await this.journal.write(actor, {
      sessionId,
      disputeId: call.disputeId,
      kind: 'consent',
      data: { consent },
    });
    const deliveries = await this.recordingChanged(call, before);
    return { result: this.registry.recording(call), deliveries };
  }

  /** The assigned mediator's page uploads the running recording. */
  chunk(actor: UserActor, socketId: string, sessionId: string, input: ChunkInput) {
    const { call, peer } = this.joined(socketId, sessionId);
    if (peer.role !== 'mediator') throw DomainError.forbidden('仅承办调解员的页面可以上传录像');
    return this.recorder.append(actor, call.sessionId, input);
  }

  /** The caller's peer in a call it joined on this socket; anything else is NOT_FOUND. */
  joined(socketId: string, sessionId: unknown): { call: CallState; peer: PeerState } {
    const call = isUuid(sessionId) ? this.registry.get(sessionId) : undefined;
    const peer = call && this.registry.peerOfSocket(call.sessionId, socketId);
    if (!call || !peer) throw DomainError.notFound('call', String(sessionId));
    return { call, peer };
  }

  private async remove(sessionId: string, peer: PeerState): Promise<CallDelivery[]> {
    const call = this.registry.get(sessionId)!;
    const recBefore = this.registry.recording(call);
    this.registry.leave(sessionId, peer.peerId);
    const groups = this.registry.groups(call);
    const out = this.toAll(call, null, 'call:peer-left', { sessionId, peerId: peer.peerId, groups });
    const actor = { id: peer.userId, role: peer.accountRole as Role, orgId: null, name: peer.name };
    out.push(...(await this.recordingChanged(call, recBefore)));
    if (peer.role === 'mediator') await this.recorder.mediatorLeft(sessionId);
    this.journal.later(actor, {
      sessionId,
      disputeId: call.disputeId,
      kind: 'leave',
      data: { peerId: peer.peerId },
    });
    return out;
  }

  /** Starts or stops the recording when the consent of those present changed; everyone sees the new state. */
  private async recordingChanged(call: CallState, before: CallRecordingEvent | null) {
    const now = this.registry.recording(call);
    if (now.state === 'on' && !call.recordingId) {
      call.recordingId = randomUUID();
      this.recorder.start(call.sessionId, call.disputeId, call.recordingId, this.clock.now());
    } else if (now.state !== 'on' && call.recordingId) {
      const id = call.recordingId;
      call.recordingId = null;
      await this.recorder.stop(id);
    }
    const after = this.registry.recording(call);
    const same =
      before &&
      before.state === after.state &&
      before.consented.join() === after.consented.join() &&
      before.recordingId === after.recordingId;
    return same ? [] : this.toAll(call, null, 'call:recording', after);
  }

  private toAll<E extends ServerEvent>(
    call: CallState,
    except: string | null,
    event: E,
    payload: ServerPayload<E>,
  ) {
    return [...call.peers.values()]
      .filter((p) => p.peerId !== except)
      .map((p) => ({ to: p.socketId, event, payload }) as CallDelivery);
  }
}

function checkSignal(req: CallSignalRequest): Pick<CallSignalRequest, 'description' | 'candidate'> {
  const out: Pick<CallSignalRequest, 'description' | 'candidate'> = {};
  const d = req.description as unknown;
  if (d !== undefined && d !== null) {
    const desc = d as { type?: unknown; sdp?: unknown };
    if (typeof d !== 'object' || !DESCRIPTION_TYPES.includes(String(desc.type)))
      throw DomainError.validation('会话描述无效', { field: 'description' });
    if (desc.sdp !== undefined && (typeof desc.sdp !== 'string' || desc.sdp.length > MAX_SDP))
      throw DomainError.validation('会话描述无效', { field: 'description' });
    out.description = {
      type: desc.type as 'offer',
      ...(desc.sdp !== undefined ? { sdp: desc.sdp as string } : {}),
    };
  }
  if ('candidate' in req && req.candidate !== undefined) {
    const c = req.candidate as unknown;
    if (c !== null && (typeof c !== 'object' || Array.isArray(c) || JSON.stringify(c).length > 4096))
      throw DomainError.validation('网络候选地址无效', { field: 'candidate' });
    out.candidate = c as CallSignalRequest['candidate'];
  }
  if (!('description' in out) && !('candidate' in out))
    throw DomainError.validation('信令须包含会话描述或网络候选地址', { field: 'description' });
  return out;
}
