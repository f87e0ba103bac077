import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import { freshToken, refreshSession } from './api-client';
import { getSession } from './auth-store';
import type { ErrorPayload } from './types';

/** One socket.io connection per signed-in user, same origin, authenticated in the handshake. */
interface SocketState {
  socket: Socket | null;
  connected: boolean;
  everConnected: boolean;
}

const SocketContext = createContext<SocketState>({ socket: null, connected: false, everConnected: false });

export function SocketProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const [state, setState] = useState<SocketState>({ socket: null, connected: false, everConnected: false });

  useEffect(() => {
    let authFailures = 0;
    let retryTimer: number | undefined;
    const socket = io({
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
    socket.on('error', (e: ErrorPayload) => console.warn('socket error', e?.code, e?.message));
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
export function useSocketEvent<T>(event: string, handler: (payload: T) => void): void {
  const { socket } = useSocket();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!socket) return;
    const fn = (p: T) => ref.current(p);
    socket.on(event, fn);
    return () => {
      socket.off(event, fn);
    };
  }, [socket, event]);
}

/** Runs on every (re)connection, e.g. to re-join rooms: socket.io forgets them when the connection drops. */
export function useOnConnect(fn: (socket: Socket) => void, deps: unknown[]): void {
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
export function useCaseWatch<T extends { id: string }>(
  disputeId: string | null,
  onUpdate: (u: T) => void,
): void {
  useOnConnect(
    (socket) => {
      if (disputeId) socket.emit('case:watch', { disputeId }, () => undefined);
    },
    [disputeId],
  );
  useSocketEvent<T>('case:updated', (u) => {
    if (u.id === disputeId) onUpdate(u);
  });
}

/** Watches every case of a list (re-sent after each reconnection) and calls back on 'case:updated' for one of them. */
export function useCasesWatch<T extends { id: string }>(ids: string[], onUpdate: (u: T) => void): void {
  const key = ids.join(',');
  useOnConnect(
    (socket) => {
      for (const id of key.split(',').filter(Boolean))
        socket.emit('case:watch', { disputeId: id }, () => undefined);
    },
    [key],
  );
  useSocketEvent<T>('case:updated', (u) => {
    if (key.split(',').includes(u.id)) onUpdate(u);
  });
}
