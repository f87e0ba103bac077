import { useCallback, useEffect, useRef, useState } from 'react';
import type { Ack, JoinResult, MessagePayload, SessionMode } from '@tiaojie/socket-events';
import { useOnConnect, useSocket, useSocketEvent, type TjSocket } from './use-socket';
import { newId } from './uuid';

type MessageView = MessagePayload;
type JoinResultAck = Ack<JoinResult>;

/** A message typed here and not yet acknowledged by the server; survives reloads in sessionStorage. */
export interface PendingMessage {
  clientMsgId: string;
  body: string;
  at: string;
  failed?: string;
}

const ACK_TIMEOUT_MS = 8_000;
const retryDelay = (attempt: number) => Math.min(1000 * 2 ** attempt, 15_000);
const pendingKey = (userId: string, roomId: string) => `tj.pending.${userId}.${roomId}`;

function loadPending(key: string): PendingMessage[] {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? '[]') as PendingMessage[];
  } catch {
    return [];
  }
}

const GAP_WAIT_MS = 2_000;

/** The highest seq up to which we hold every message (what to ask for on re-join). */
function contiguousSeq(bySeq: Map<number, MessageView>, from: number): number {
  let last = from;
  while (bySeq.has(last + 1)) last += 1;
  return last;
}

function hasGap(bySeq: Map<number, MessageView>): boolean {
  if (bySeq.size === 0) return false;
  const seqs = [...bySeq.keys()];
  return contiguousSeq(bySeq, Math.min(...seqs) - 1) < Math.max(...seqs);
}

export function useChatRoom(roomId: string, userId: string) {
  const { socket, connected, everConnected } = useSocket();
  const key = pendingKey(userId, roomId);
  const bySeq = useRef(new Map<number, MessageView>());
  const baseSeq = useRef(0);
  const [messages, setMessages] = useState<MessageView[]>([]);
  const [pending, setPendingState] = useState<PendingMessage[]>(() => loadPending(key));
  const pendingRef = useRef(pending);
  const [sessionMode, setSessionMode] = useState<SessionMode | null>(null);
  const [joinError, setJoinError] = useState<string | null>(null);
  const [joined, setJoinedState] = useState(false);
  // what send() reads: the state of the last render can lag behind a join ack that was just handled, and a message
  // typed in that gap would wait for a resend that already ran
  const joinedRef = useRef(false);
  const setJoined = useCallback((v: boolean) => {
    joinedRef.current = v;
    setJoinedState(v);
  }, []);

  const setPending = useCallback(
    (next: PendingMessage[]) => {
      pendingRef.current = next;
      setPendingState(next);
      if (next.length) sessionStorage.setItem(key, JSON.stringify(next));
      else sessionStorage.removeItem(key);
    },
    [key],
  );

  useEffect(() => {
    bySeq.current = new Map();
    baseSeq.current = 0;
    setMessages([]);
    setJoined(false);
    const stored = loadPending(key);
    pendingRef.current = stored;
    setPendingState(stored);
  }, [key, setJoined]);

  const gapTimer = useRef<number | undefined>(undefined);
  const rejoin = useRef<(() => void) | null>(null);
  useEffect(() => () => window.clearTimeout(gapTimer.current), []);

  const merge = useCallback(
    (incoming: MessageView[]) => {
      let changed = false;
      for (const m of incoming) {
        if (m.roomId !== roomId || bySeq.current.has(m.seq)) continue;
        bySeq.current.set(m.seq, m);
        changed = true;
      }
      if (!changed) return;
      setMessages([...bySeq.current.values()].sort((a, b) => a.seq - b.seq));
      // a hole in the sequence (a live message that never arrived, e.g. a notification lost between instances):
      // if it is still there in a moment, re-join from the last contiguous seq, which replays exactly what is missing
      if (hasGap(bySeq.current) && gapTimer.current === undefined) {
        gapTimer.current = window.setTimeout(() => {
          gapTimer.current = undefined;
          if (hasGap(bySeq.current)) rejoin.current?.();
        }, GAP_WAIT_MS);
      }
      const delivered = new Set(
        incoming.filter((m) => m.senderId === userId && m.clientMsgId).map((m) => m.clientMsgId),
      );
      if (pendingRef.current.some((p) => delivered.has(p.clientMsgId))) {
        setPending(pendingRef.current.filter((p) => !delivered.has(p.clientMsgId)));
      }
    },
    [roomId, userId, setPending],
  );

  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const emitSend = useCallback(
    (s: TjSocket, p: PendingMessage, attempt = 0) => {
      s.timeout(ACK_TIMEOUT_MS).emit(
        'message:send',
        { roomId, clientMsgId: p.clientMsgId, body: p.body },
        (err, ack) => {
          if (err || !ack) {
            // no answer: still pending; try again while connected (the server dedupes by clientMsgId),
            // otherwise it is resent after the next (re)join
            window.setTimeout(() => {
              const still = pendingRef.current.find((x) => x.clientMsgId === p.clientMsgId && !x.failed);
              if (alive.current && still && s.connected) emitSend(s, still, attempt + 1);
            }, retryDelay(attempt));
            return;
          }
          if (ack.ok) {
            setPending(pendingRef.current.filter((x) => x.clientMsgId !== p.clientMsgId));
            merge([ack.data.message]);
          } else {
            setPending(
              pendingRef.current.map((x) =>
                x.clientMsgId === p.clientMsgId ? { ...x, failed: ack.error.message } : x,
              ),
            );
          }
        },
      );
    },
    [roomId, merge, setPending],
  );

  const join = useCallback(
    (s: TjSocket, attempt = 0) => {
      const first = bySeq.current.size === 0 ? 0 : Math.min(...bySeq.current.keys()) - 1;
      const lastSeq = bySeq.current.size === 0 ? 0 : contiguousSeq(bySeq.current, first);
      s.timeout(ACK_TIMEOUT_MS).emit(
        'room:join',
        { roomId, lastSeq },
        (err, ack: JoinResultAck | undefined) => {
          if (!alive.current) return;
          if (err || !ack) {
            setJoinError('进入调解室超时，正在重试…');
            window.setTimeout(() => {
              if (alive.current && s.connected) join(s, attempt + 1);
            }, retryDelay(attempt));
            return;
          }
          setJoinError(null);
          if (!ack.ok) {
            setJoinError(ack.error.message);
            return;
          }
          if (ack.data.sessionMode) setSessionMode(ack.data.sessionMode);
          merge(ack.data.messages);
          // more than one page was missed: ask for the rest before resending anything
          if (ack.data.hasMore && ack.data.messages.length > 0) {
            join(s);
            return;
          }
          setJoined(true);
          // resend what was typed while offline; the server dedupes by clientMsgId
          for (const p of pendingRef.current) if (!p.failed) emitSend(s, p);
        },
      );
    },
    [roomId, merge, emitSend, setJoined],
  );

  useOnConnect(
    (s) => {
      setJoinError(null);
      join(s);
    },
    [roomId],
  );

  useEffect(() => {
    rejoin.current = () => {
      if (socket?.connected && joinedRef.current) join(socket);
    };
  }, [socket, join]);

  useSocketEvent('room:removed', (r) => {
    if (r.roomId === roomId) {
      setJoined(false);
      setJoinError(r.message);
    }
  });

  // at the disconnect itself (an effect on `connected` could run after the next join's ack and undo it)
  useSocketEvent('disconnect', () => setJoined(false));

  useSocketEvent('message:new', (m) => merge([m]));

  // the room's latest seq (sent when it changed, and when an api instance disappeared with broadcasts it had not
  // relayed): holding less, even with no visible hole, means re-joining from the last contiguous seq
  useSocketEvent('room:head', (h) => {
    if (h.roomId !== roomId || !joinedRef.current) return;
    const first = bySeq.current.size === 0 ? 0 : Math.min(...bySeq.current.keys()) - 1;
    if (h.seq > contiguousSeq(bySeq.current, first)) rejoin.current?.();
  });

  const send = useCallback(
    (body: string) => {
      const p: PendingMessage = { clientMsgId: newId(), body, at: new Date().toISOString() };
      setPending([...pendingRef.current, p]);
      if (socket?.connected && joinedRef.current) emitSend(socket, p);
    },
    [socket, emitSend, setPending],
  );

  const retry = useCallback(
    (clientMsgId: string) => {
      const next = pendingRef.current.map((x) =>
        x.clientMsgId === clientMsgId ? { ...x, failed: undefined } : x,
      );
      setPending(next);
      const p = next.find((x) => x.clientMsgId === clientMsgId);
      if (p && socket?.connected) emitSend(socket, p);
    },
    [socket, emitSend, setPending],
  );

  const discard = useCallback(
    (clientMsgId: string) => {
      setPending(pendingRef.current.filter((x) => x.clientMsgId !== clientMsgId));
    },
    [setPending],
  );

  return {
    messages,
    pending,
    sessionMode,
    setSessionMode,
    joinError,
    joined,
    connected,
    everConnected,
    send,
    retry,
    discard,
  };
}
