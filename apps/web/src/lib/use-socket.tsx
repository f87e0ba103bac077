import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import type {
  CaseUpdatedEvent,
  ClientToServerEvents,
  ErrorPayload,
  ServerToClientEvents,
} from '@tiaojie/socket-events';
import { freshToken, refreshSession } from './api-client';
import { getSession } from './auth-store';

/** The socket typed by the api's event map (libs/core/src/socket-events.ts). */
export type TjSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What a component may listen to: the server's events, and the connection dropping. */
type Listened = ServerToClientEvents & { disconnect: (reason: string) => void };

/** One socket.io connection per signed-in user, same origin, authenticated in the handshake. */
interface SocketState {
  socket: TjSocket | null;
  connected: boolean;
  everConnected: boolean;
}

const SocketContext = createContext<SocketState>({ socket: null, connected: false, everConnected: false });

export function SocketProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const [state, setState] = useState<SocketState>({ socket: null, connected: false, everConnected: false });

  useEffect(() => {
    let authFailures = 0;
    let retryTimer: number | undefined;
    const socket: TjSocket = io({
      auth: (cb) => {
        void freshToken().then((token) => cb({ token: token ?? '' }));
      },
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    const update = () =>
      setState((s) => ({
        socket,
        connected: socket.connected,
        everConnected: s.everConnected || socket.connected,
      }));
    socket.on('connect', () => {
      authFailures = 0;
      update();
    });
    // the server refuses a handshake whose token is expired or unknown (connect_error from its middleware, or
    // a server-side disconnect): socket.io does not retry those by itself, so rotate the pair and reconnect
    const reauth = () => {
      if (!getSession()) return;
      authFailures += 1;
      window.clearTimeout(retryTimer);
      retryTimer = window.setTimeout(
        () => {
          void refreshSession(getSession()?.accessToken ?? null)
            .then((t) => {
              if (t && !socket.connected) socket.connect();
            })
            .catch(() => undefined);
        },
        Math.min(30_000, 250 * 2 ** authFailures),
      );
    };
    socket.on('connect_error', (err: Error & { data?: ErrorPayload }) => {
      update();
      if (!socket.active) reauth();
      else if (err.data?.code) console.warn('socket refused', err.data.code);
    });
    socket.on('disconnect', (reason) => {
      update();
      if (reason === 'io server disconnect') reauth();
    });
    socket.on('error', (e) => console.warn('socket error', e?.code, e?.message));
    setState({ socket, connected: false, everConnected: false });
    return () => {
      window.clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [userId]);

  return <SocketContext.Provider value={state}>{children}</SocketContext.Provider>;
}

export function useSocket(): SocketState {
  return useContext(SocketContext);
}

/** Subscribes to a server event with the latest handler. */
export function useSocketEvent<E extends keyof Listened>(
  event: E,
  handler: (payload: Parameters<Listened[E]>[0]) => void,
): void {
  const { socket } = useSocket();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!socket) return;
    // socket.io types `on` per literal name; the handler's payload is already typed by E above
    const s = socket as unknown as Socket;
    const fn = (p: unknown) => ref.current(p as Parameters<Listened[E]>[0]);
    s.on(event as string, fn);
    return () => {
      s.off(event as string, fn);
    };
  }, [socket, event]);
}

/** Runs on every (re)connection, e.g. to re-join rooms: socket.io forgets them when the connection drops. */
export function useOnConnect(fn: (socket: TjSocket) => void, deps: unknown[]): void {
  const { socket } = useSocket();
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    if (!socket) return;
    const run = () => ref.current(socket);
    if (socket.connected) run();
    socket.on('connect', run);
    return () => {
      socket.off('connect', run);
    };
  }, [socket, ...deps]);
}

/** Watches a case and calls back on each 'case:updated' for it. */
export function useCaseWatch(disputeId: string | null, onUpdate: (u: CaseUpdatedEvent) => void): void {
  useOnConnect(
    (socket) => {
      if (disputeId) socket.emit('case:watch', { disputeId }, () => undefined);
    },
    [disputeId],
  );
  useSocketEvent('case:updated', (u) => {
    if (u.id === disputeId) onUpdate(u);
  });
}

/**
 * Refetches a list or a case view when a case it shows changes ('case:changed' reaches every audience of the case):
 * debounced, so a burst of changes (a signature that completes the agreement) costs one refetch; and after a
 * reconnection, since notices sent while the connection was down are lost.
 */
export function useLiveRefresh(
  reload: () => unknown,
  opts: { caseId?: string | null; delayMs?: number } = {},
): void {
  const { socket } = useSocket();
  const timer = useRef<number | undefined>(undefined);
  const ref = useRef(reload);
  ref.current = reload;
  const { caseId = null, delayMs = 250 } = opts;
  useEffect(() => () => window.clearTimeout(timer.current), []);
  // a case view also watches the case: a reader outside its lists (a court confirming by jurisdiction) is told too
  useOnConnect(
    (s) => {
      if (caseId) s.emit('case:watch', { disputeId: caseId }, () => undefined);
    },
    [caseId],
  );
  const schedule = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void ref.current(), delayMs);
  };
  useSocketEvent('case:changed', (c) => {
    if (!caseId || c.id === caseId) schedule();
  });
  useEffect(() => {
    if (!socket) return;
    let first = !socket.connected;
    const onConnect = () => {
      if (first) first = false;
      else schedule();
    };
    socket.on('connect', onConnect);
    return () => {
      socket.off('connect', onConnect);
    };
  }, [socket]);
}
