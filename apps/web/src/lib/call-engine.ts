import type {
  CallJoinResult,
  CallPeer,
  CallPeerJoinedEvent,
  CallPeerLeftEvent,
  CallRecordingEvent,
  CallSignalEvent,
  SessionMode,
} from '@tiaojie/socket-events';
import { peerStats, PeerLink, type PeerFlags, type Signal } from './call-peer';
import { ownGroup, sideOf } from './call-sides';
import type { CallSnapshot, PeerState, PeerView } from './call-types';
import type { TjSocket } from './use-socket';

const ACK_MS = 8_000;

/**
 * The call on the page: joins over the authenticated socket, keeps one PeerLink per remote peer of this peer's call
 * group (a mesh), follows the server's mode switches (a caucus closes the links across groups; the return to joint
 * opens them again, the newer peer offering), and re-joins after the socket reconnects (a new peer with fresh ICE,
 * offering to the others, whose other links stay as they are).
 */
export class CallEngine {
  private links = new Map<string, PeerLink>();
  private peers = new Map<string, CallPeer & { left?: boolean }>();
  private self: Pick<CallPeer, 'role' | 'partyId'> | null = null;
  private snap: CallSnapshot;
  private listeners = new Set<() => void>();
  private disposed = false;
  private offs: (() => void)[] = [];
  /** Timing for the benchmark and the test hook: when call:join was sent, signals sent and received. */
  readonly timing = { joinSentAt: 0, joinAckAt: 0, firstSignalAt: 0, signalsSent: 0, signalsReceived: 0 };

  constructor(
    private readonly socket: TjSocket,
    readonly sessionId: string,
    private local: MediaStream,
    private readonly iceServers: RTCIceServer[],
    flags: PeerFlags,
  ) {
    this.snap = {
      phase: 'joining',
      error: null,
      selfPeerId: null,
      mode: 'joint',
      groups: [],
      peers: [],
      recording: null,
      flags,
    };
    const on = <E extends string>(event: E, fn: (p: never) => void) => {
      const s = socket as unknown as {
        on: (e: string, f: unknown) => void;
        off: (e: string, f: unknown) => void;
      };
      s.on(event, fn);
      this.offs.push(() => s.off(event, fn));
    };
    on('call:signal', (s: CallSignalEvent) => this.onSignal(s));
    on('call:peer-joined', (p: CallPeerJoinedEvent) => {
      if (p.sessionId !== sessionId) return;
      if (p.groups) this.snap = { ...this.snap, groups: p.groups };
      // the same person again (a reload, a second device): their old entry is replaced
      for (const [id, old] of this.peers) if (old.userId === p.peer.userId && old.left) this.peers.delete(id);
      this.peers.set(p.peer.peerId, p.peer);
      this.connectGroup();
    });
    on('call:peer-left', (p: CallPeerLeftEvent) => {
      if (p.sessionId !== sessionId) return;
      if (p.groups) this.snap = { ...this.snap, groups: p.groups };
      this.drop(p.peerId);
      const peer = this.peers.get(p.peerId);
      if (peer) peer.left = true;
      this.refresh();
    });
    on('call:close-peer', (p: { sessionId: string; peerId: string }) => {
      if (p.sessionId !== sessionId) return;
      this.drop(p.peerId);
      this.refresh();
    });
    on('call:mode', (m: { sessionId: string; mode: SessionMode; with?: string; groups: string[][] }) => {
      if (m.sessionId !== sessionId) return;
      this.snap = { ...this.snap, mode: m.mode, with: m.with, groups: m.groups };
      this.connectGroup();
    });
    on('call:recording', (r: CallRecordingEvent) => {
      if (r.sessionId !== sessionId) return;
      this.snap = { ...this.snap, recording: r };
      this.emit();
    });
    // socket.io forgets the call when the connection drops: join again, as a new peer (the others keep theirs)
    on('connect', () => {
      if (this.snap.phase === 'in-call' || this.snap.phase === 'joining') this.join();
    });
    on('disconnect', () => {
      for (const id of [...this.links.keys()]) this.drop(id);
      this.snap = { ...this.snap, phase: 'joining' };
      this.refresh();
    });
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  get snapshot(): CallSnapshot {
    return this.snap;
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }

  join(): void {
    if (!this.socket.connected || this.disposed) return;
    this.timing.joinSentAt = performance.now();
    this.socket.timeout(ACK_MS).emit('call:join', { sessionId: this.sessionId }, (err, ack) => {
      if (this.disposed) return;
      this.timing.joinAckAt = performance.now();
      if (err || !ack) {
        this.snap = { ...this.snap, error: '连接视频调解超时，正在重试…' };
        this.emit();
        window.setTimeout(() => this.join(), 2000);
        return;
      }
      if (!ack.ok) {
        this.snap = { ...this.snap, phase: 'refused', error: ack.error.message };
        this.emit();
        return;
      }
      this.onJoined(ack.data);
    });
  }

  private onJoined(r: CallJoinResult): void {
    for (const id of [...this.links.keys()]) this.drop(id);
    this.peers = new Map(r.peers.map((p) => [p.peerId, p]));
    this.self = { role: r.self.role, ...(r.self.partyId ? { partyId: r.self.partyId } : {}) };
    this.snap = {
      ...this.snap,
      phase: 'in-call',
      error: null,
      selfPeerId: r.selfPeerId,
      mode: r.mode,
      with: r.with,
      groups: r.groups,
      recording: r.recording,
    };
    this.connectGroup();
  }

  private sides() {
    const { mode, with: w, groups, selfPeerId } = this.snap;
    return { mode, with: w, groups, selfPeerId, self: this.self, peers: this.peers };
  }

  private myGroup(): Set<string> {
    return ownGroup(this.sides());
  }

  /** Who this page is, for placing it in a caucus before the server lists it in a group. */
  setSelf(p: Pick<CallPeer, 'role' | 'partyId'>): void {
    this.self = p;
  }

  /** In caucus, whether this page is with the mediator (otherwise it shows the waiting notice). */
  withMediator(): boolean {
    if (this.snap.mode === 'joint' || !this.snap.selfPeerId) return true;
    return sideOf(this.sides(), this.snap.selfPeerId, this.self) === 0;
  }

  /** Opens links to the peers of this peer's group it is to offer to; closes those outside the group. */
  private connectGroup(): void {
    const group = this.myGroup();
    for (const id of [...this.links.keys()]) if (!group.has(id)) this.drop(id);
    for (const [id, p] of this.peers)
      if (!p.left && group.has(id) && !this.links.has(id) && this.isOfferer(id)) this.link(id);
    this.refresh();
  }

  /**
   * Peer ids sort in join order: the newer of two offers. A newcomer offers to its group as soon as the ack lists
   * it, without waiting for the others to hear of it first; the same rule holds on a return to joint.
   */
  private isOfferer(remote: string): boolean {
    return (this.snap.selfPeerId ?? '') > remote;
  }

  private link(remote: string): PeerLink {
    const l = new PeerLink({
      iceServers: this.iceServers,
      polite: !this.isOfferer(remote),
      offerer: this.isOfferer(remote),
      local: this.local,
      flags: this.snap.flags,
      send: (s) => this.sendSignal(remote, s),
      onChange: () => this.refresh(),
    });
    this.links.set(remote, l);
    return l;
  }

  private sendSignal(to: string, s: Signal): void {
    this.timing.signalsSent += 1;
    this.socket.emit('call:signal', { sessionId: this.sessionId, to, ...s }, () => undefined);
  }

  private onSignal(s: CallSignalEvent): void {
    if (s.sessionId !== this.sessionId || this.snap.phase !== 'in-call') return;
    this.timing.signalsReceived += 1;
    if (!this.timing.firstSignalAt) this.timing.firstSignalAt = performance.now();
    if (!this.peers.has(s.from) || !this.myGroup().has(s.from)) return;
    let l = this.links.get(s.from);
    if (!l) {
      if (!s.description || s.description.type !== 'offer') return;
      l = this.link(s.from);
    }
    void l.receive(s);
  }

  private drop(peerId: string): void {
    this.links.get(peerId)?.close();
    this.links.delete(peerId);
  }

  /** Rebuilds the peer views from the links (state, stream, flags). */
  private refresh(): void {
    const group = this.myGroup();
    const peers: PeerView[] = [...this.peers.values()].map((p) => {
      const l = this.links.get(p.peerId);
      let state: PeerState = 'connecting';
      if (p.left) state = 'left';
      else if (!group.has(p.peerId)) state = 'apart';
      else if (l?.state() === 'connected') state = 'connected';
      return {
        ...p,
        state,
        flags: l?.remoteFlags ?? { muted: false, camOff: false },
        stream: l && !l.closed ? l.remote : null,
      };
    });
    this.snap = { ...this.snap, peers };
    this.emit();
  }

  setFlags(flags: PeerFlags): void {
    this.local.getAudioTracks().forEach((t) => (t.enabled = !flags.muted));
    this.local.getVideoTracks().forEach((t) => (t.enabled = !flags.camOff));
    this.snap = { ...this.snap, flags };
    for (const l of this.links.values()) l.sendFlags(flags);
    this.emit();
  }

  /** A new camera track (switch camera): every link sends it from now on. */
  async replaceVideo(track: MediaStreamTrack): Promise<void> {
    const old = this.local.getVideoTracks()[0];
    if (old) {
      this.local.removeTrack(old);
      old.stop();
    }
    track.enabled = !this.snap.flags.camOff;
    this.local.addTrack(track);
    await Promise.all([...this.links.values()].map((l) => l.replaceVideo(track)));
    this.emit();
  }

  /** Asks the server to switch mode (the assigned mediator only); the answer arrives as call:mode too. */
  setMode(mode: SessionMode, withParty?: string): Promise<string | null> {
    return new Promise((resolve) => {
      this.socket
        .timeout(ACK_MS)
        .emit('call:mode', { sessionId: this.sessionId, mode, with: withParty }, (err, ack) => {
          if (err || !ack) return resolve('切换超时，请重试');
          if (!ack.ok) return resolve(ack.error.message);
          this.snap = { ...this.snap, mode: ack.data.mode, with: ack.data.with, groups: ack.data.groups };
          this.connectGroup();
          resolve(null);
        });
    });
  }

  consent(consent: boolean): Promise<string | null> {
    return new Promise((resolve) => {
      this.socket
        .timeout(ACK_MS)
        .emit('call:recording-consent', { sessionId: this.sessionId, consent }, (err, ack) => {
          if (err || !ack) return resolve('操作超时，请重试');
          if (!ack.ok) return resolve(ack.error.message);
          this.snap = { ...this.snap, recording: ack.data };
          this.emit();
          resolve(null);
        });
    });
  }

  get localStream(): MediaStream {
    return this.local;
  }

  get connectedLinks(): PeerLink[] {
    return [...this.links.values()].filter((l) => !l.closed);
  }

  /** Per remote peer: connection state, frames decoded, bytes received (for the test hook and the benchmark). */
  stats() {
    return peerStats(this.peers, this.links);
  }

  leave(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.socket.connected) this.socket.emit('call:leave', { sessionId: this.sessionId }, () => undefined);
    for (const id of [...this.links.keys()]) this.drop(id);
    for (const off of this.offs) off();
    this.snap = { ...this.snap, phase: 'left' };
    this.emit();
  }
}
