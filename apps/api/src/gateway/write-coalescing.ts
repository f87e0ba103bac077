/** The parts of an engine.io connection and its WebSocket transport that write coalescing touches. */
interface RawSocket {
  cork(): void;
  uncork(): void;
}
export interface CoalescableTransport {
  name: string;
  send(packets: unknown[]): void;
  /** engine.io's transport holds the `ws` WebSocket, which holds the TCP socket. */
  socket?: { _socket?: RawSocket };
}
export interface CoalescableConnection {
  transport: CoalescableTransport;
  on(event: 'upgrade', listener: (transport: CoalescableTransport) => void): unknown;
}

const patched = new WeakSet<CoalescableTransport>();

function coalesceTransport(transport: CoalescableTransport): void {
  if (transport.name !== 'websocket' || patched.has(transport)) return;
  patched.add(transport);
  const send = transport.send.bind(transport);
  transport.send = (packets) => {
    const raw = transport.socket?._socket;
    if (!raw || packets.length < 2) return send(packets);
    raw.cork();
    try {
      send(packets);
    } finally {
      raw.uncork();
    }
  };
}

/**
 * engine.io flushes the packets queued on a connection in one `transport.send`, but its WebSocket transport hands
 * them to `ws` one frame at a time, and `ws` writes each frame with its own system call. A busy room queues many
 * packets at once (a group-committed batch of messages, the acks of a batch of sends), so each client paid one
 * write, and one wake-up, per message. This corks the TCP socket around such a flush: the same frames, in the same
 * order, leave in one write. Installed on every connection (and on the transport it upgrades to).
 */
export function coalesceWrites(conn: CoalescableConnection): void {
  coalesceTransport(conn.transport);
  conn.on('upgrade', (transport) => coalesceTransport(transport));
}
