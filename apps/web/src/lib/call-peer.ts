import type { CallPeer, CallSignalEvent, CallSignalRequest } from '@tiaojie/socket-events';

/** What a peer tells the other over the connection's data channel: its microphone and camera switches. */
export interface PeerFlags {
  muted: boolean;
  camOff: boolean;
}

export type Signal = Pick<CallSignalRequest, 'description' | 'candidate'>;

export interface PeerLinkOpts {
  iceServers: RTCIceServer[];
  /** The older peer yields when both offer at once ("perfect negotiation"). */
  polite: boolean;
  /** This side sends the first offer (the newer peer); the other answers it. */
  offerer: boolean;
  local: MediaStream;
  flags: PeerFlags;
  send: (s: Signal) => void;
  onChange: () => void;
}

/**
 * One RTCPeerConnection to one remote peer, negotiated with the perfect-negotiation pattern: either side may offer
 * (a join, a restart after ICE failure), a collision is settled by `polite`. A negotiated data channel (id 0) carries
 * mute and camera flags, so no extra negotiation round is needed for it.
 */
export class PeerLink {
  readonly pc: RTCPeerConnection;
  readonly remote = new MediaStream();
  remoteFlags: PeerFlags = { muted: false, camOff: false };
  private makingOffer = false;
  private ignoreOffer = false;
  private settingAnswer = false;
  private pendingCandidates: RTCIceCandidateInit[] = [];
  private channel: RTCDataChannel;
  private restarts = 0;
  /** What this side tells the other when the channel opens, and after every change. */
  private flags: PeerFlags;
  closed = false;

  constructor(private readonly o: PeerLinkOpts) {
    this.flags = o.flags;
    this.pc = new RTCPeerConnection({ iceServers: o.iceServers, bundlePolicy: 'max-bundle' });
    const pc = this.pc;
    for (const track of o.local.getTracks()) pc.addTrack(track, o.local);
    // the offer asks for both kinds even when this side sends none of one (audio-only): the answerer's tracks then
    // fit the offer's sections and no second round is needed
    if (o.offerer && !o.local.getAudioTracks().length) pc.addTransceiver('audio', { direction: 'recvonly' });
    if (o.offerer && !o.local.getVideoTracks().length) pc.addTransceiver('video', { direction: 'recvonly' });
    this.channel = pc.createDataChannel('flags', { negotiated: true, id: 0 });
    this.channel.onopen = () => this.sendFlags(this.flags);
    this.channel.onmessage = (e) => {
      try {
        this.remoteFlags = JSON.parse(String(e.data)) as PeerFlags;
        o.onChange();
      } catch {
        /* not ours */
      }
    };
    pc.ontrack = ({ track }) => {
      for (const t of this.remote.getTracks())
        if (t.kind === track.kind && t !== track) this.remote.removeTrack(t);
      if (!this.remote.getTracks().includes(track)) this.remote.addTrack(track);
      o.onChange();
    };
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) o.send({ candidate: candidate.toJSON() as Record<string, unknown> });
    };
    pc.onnegotiationneeded = async () => {
      try {
        this.makingOffer = true;
        await pc.setLocalDescription();
        o.send({ description: this.plain(pc.localDescription) });
      } catch (err) {
        console.warn('offer failed', err);
      } finally {
        this.makingOffer = false;
      }
    };
    pc.onconnectionstatechange = () => {
      // a path that failed (a network change, a NAT rebinding): new candidates, same connection
      if (pc.connectionState === 'failed' && this.restarts < 5) {
        this.restarts += 1;
        pc.restartIce();
      }
      if (pc.connectionState === 'connected') this.restarts = 0;
      o.onChange();
    };
    pc.oniceconnectionstatechange = () => o.onChange();
  }

  private plain(d: RTCSessionDescription | null): CallSignalRequest['description'] {
    return d ? { type: d.type, sdp: d.sdp } : undefined;
  }

  /** A description or candidate from the remote peer. */
  async receive(s: Pick<CallSignalEvent, 'description' | 'candidate'>): Promise<void> {
    const pc = this.pc;
    if (this.closed) return;
    try {
      if (s.description) {
        const d = s.description as RTCSessionDescriptionInit;
        const readyForOffer = !this.makingOffer && (pc.signalingState === 'stable' || this.settingAnswer);
        const collision = d.type === 'offer' && !readyForOffer;
        this.ignoreOffer = !this.o.polite && collision;
        if (this.ignoreOffer) return;
        this.settingAnswer = d.type === 'answer';
        await pc.setRemoteDescription(d);
        this.settingAnswer = false;
        for (const c of this.pendingCandidates.splice(0)) await pc.addIceCandidate(c).catch(() => undefined);
        if (d.type === 'offer') {
          await pc.setLocalDescription();
          this.o.send({ description: this.plain(pc.localDescription) });
        }
      } else if (s.candidate) {
        const c = s.candidate as RTCIceCandidateInit;
        if (!pc.remoteDescription) this.pendingCandidates.push(c);
        else
          await pc.addIceCandidate(c).catch((err: unknown) => {
            if (!this.ignoreOffer) throw err;
          });
      }
    } catch (err) {
      console.warn('signal failed', err);
    }
  }

  sendFlags(f: PeerFlags): void {
    this.flags = f;
    if (this.channel.readyState === 'open') this.channel.send(JSON.stringify(f));
  }

  /** Swaps the outgoing camera (switch camera) without renegotiating. */
  async replaceVideo(track: MediaStreamTrack | null): Promise<void> {
    const sender = this.pc.getSenders().find((x) => x.track?.kind === 'video');
    if (sender) await sender.replaceTrack(track);
  }

  state(): 'connecting' | 'connected' | 'failed' | 'closed' {
    if (this.closed) return 'closed';
    const s = this.pc.connectionState;
    if (s === 'connected') return 'connected';
    if (s === 'failed') return 'failed';
    if (s === 'closed') return 'closed';
    return 'connecting';
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.channel.close();
    this.pc.close();
    for (const t of this.remote.getTracks()) this.remote.removeTrack(t);
  }
}

/** What the test hook and the benchmark read of one connection: decoded frames, audio bytes, state. */
export interface LinkStats {
  connectionState: string;
  framesDecoded: number;
  videoBytesReceived: number;
  audioBytesReceived: number;
  audioBytesSent: number;
  videoBytesSent: number;
}

export const NO_LINK: LinkStats = {
  connectionState: 'closed',
  framesDecoded: 0,
  videoBytesReceived: 0,
  audioBytesReceived: 0,
  audioBytesSent: 0,
  videoBytesSent: 0,
};

export async function linkStats(link: PeerLink): Promise<LinkStats> {
  const out: LinkStats = {
    connectionState: link.closed ? 'closed' : link.pc.connectionState,
    framesDecoded: 0,
    videoBytesReceived: 0,
    audioBytesReceived: 0,
    audioBytesSent: 0,
    videoBytesSent: 0,
  };
  if (link.closed) return out;
  const report = await link.pc.getStats();
  report.forEach((r: RTCStats & Record<string, unknown>) => {
    if (r.type === 'inbound-rtp' && r.kind === 'video') {
      out.framesDecoded += Number(r.framesDecoded ?? 0);
      out.videoBytesReceived += Number(r.bytesReceived ?? 0);
    }
    if (r.type === 'inbound-rtp' && r.kind === 'audio')
      out.audioBytesReceived += Number(r.bytesReceived ?? 0);
    if (r.type === 'outbound-rtp' && r.kind === 'audio') out.audioBytesSent += Number(r.bytesSent ?? 0);
    if (r.type === 'outbound-rtp' && r.kind === 'video') out.videoBytesSent += Number(r.bytesSent ?? 0);
  });
  return out;
}

/** Statistics per remote peer, keyed by name; someone who left and came back shows once (their live entry wins). */
export async function peerStats(
  peers: Map<string, CallPeer & { left?: boolean }>,
  links: Map<string, PeerLink>,
) {
  const out: Record<string, LinkStats & { name: string; userId: string }> = {};
  const ordered = [...peers].sort(([, a], [, b]) => Number(!!b.left) - Number(!!a.left));
  for (const [id, p] of ordered) {
    const l = links.get(id);
    out[p.name] = { ...(l ? await linkStats(l) : NO_LINK), name: p.name, userId: p.userId };
  }
  return out;
}
