import type { CallPeer, CallRecordingEvent, SessionMode } from '@tiaojie/socket-events';
import type { PeerFlags } from './call-peer';

/** How a participant shows on the page: 连接中, 已连接, 暂时分开 (a caucus without them), 已离开. */
export type PeerState = 'connecting' | 'connected' | 'apart' | 'left';

export interface PeerView extends CallPeer {
  state: PeerState;
  flags: PeerFlags;
  stream: MediaStream | null;
}

export interface CallSnapshot {
  phase: 'joining' | 'in-call' | 'refused' | 'left';
  error: string | null;
  selfPeerId: string | null;
  mode: SessionMode;
  with?: string;
  groups: string[][];
  peers: PeerView[];
  recording: CallRecordingEvent | null;
  flags: PeerFlags;
}
