import { EventEmitter } from 'node:events';
import { CoalescableTransport, coalesceWrites } from './write-coalescing';

function fakeTransport(name: string, log: string[]): CoalescableTransport {
  const raw = { cork: () => log.push('cork'), uncork: () => log.push('uncork') };
  return {
    name,
    socket: { _socket: raw },
    send: (packets) => packets.forEach((p) => log.push(`frame ${String(p)}`)),
  };
}

function fakeConnection(transport: CoalescableTransport) {
  return Object.assign(new EventEmitter(), { transport });
}

describe('coalesceWrites', () => {
  it('corks the TCP socket around a flush of several packets, keeping frames and order', () => {
    const log: string[] = [];
    const conn = fakeConnection(fakeTransport('websocket', log));
    coalesceWrites(conn);
    conn.transport.send(['a', 'b', 'c']);
    expect(log).toEqual(['cork', 'frame a', 'frame b', 'frame c', 'uncork']);
  });

  it('leaves a single packet alone', () => {
    const log: string[] = [];
    const conn = fakeConnection(fakeTransport('websocket', log));
    coalesceWrites(conn);
    conn.transport.send(['a']);
    expect(log).toEqual(['frame a']);
  });

  it('uncorks even when the send throws', () => {
    const log: string[] = [];
    const transport = fakeTransport('websocket', log);
    transport.send = () => {
      throw new Error('closed');
    };
    const conn = fakeConnection(transport);
    coalesceWrites(conn);
    expect(() => conn.transport.send(['x', 'y'])).toThrow('closed');
    expect(log).toEqual(['cork', 'uncork']);
  });

  it('patches the WebSocket transport a polling connection upgrades to, not the polling one', () => {
    const log: string[] = [];
    const conn = fakeConnection(fakeTransport('polling', log));
    coalesceWrites(conn);
    conn.transport.send(['p', 'q']);
    expect(log).toEqual(['frame p', 'frame q']);
    log.length = 0;
    const ws = fakeTransport('websocket', log);
    conn.emit('upgrade', ws);
    ws.send(['r', 's']);
    expect(log).toEqual(['cork', 'frame r', 'frame s', 'uncork']);
  });
});
