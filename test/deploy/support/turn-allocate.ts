import { createHash, createHmac, randomBytes } from 'node:crypto';
import * as dgram from 'node:dgram';

/**
 * A minimal TURN Allocate over UDP (RFC 5766 with RFC 5389 long-term credentials): no maintained npm TURN client
 * fits a test, and this exercise needs only the 401 → realm/nonce → authenticated Allocate exchange.
 */
const MAGIC = 0x2112a442;
const ALLOCATE = 0x0003;
const ATTR = {
  USERNAME: 0x0006,
  MESSAGE_INTEGRITY: 0x0008,
  ERROR_CODE: 0x0009,
  REALM: 0x0014,
  NONCE: 0x0015,
  XOR_RELAYED_ADDRESS: 0x0016,
  REQUESTED_TRANSPORT: 0x0019,
};

function attribute(type: number, value: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(type, 0);
  head.writeUInt16BE(value.length, 2);
  const pad = Buffer.alloc((4 - (value.length % 4)) % 4);
  return Buffer.concat([head, value, pad]);
}

function message(type: number, tid: Buffer, attrs: Buffer[], integrityKey?: Buffer): Buffer {
  let body = Buffer.concat(attrs);
  const header = Buffer.alloc(20);
  header.writeUInt16BE(type, 0);
  header.writeUInt32BE(MAGIC, 4);
  tid.copy(header, 8);
  if (!integrityKey) {
    header.writeUInt16BE(body.length, 2);
    return Buffer.concat([header, body]);
  }
  // the length covers MESSAGE-INTEGRITY itself (24 bytes) while the HMAC covers everything before it
  header.writeUInt16BE(body.length + 24, 2);
  const mac = createHmac('sha1', integrityKey)
    .update(Buffer.concat([header, body]))
    .digest();
  body = Buffer.concat([body, attribute(ATTR.MESSAGE_INTEGRITY, mac)]);
  return Buffer.concat([header, body]);
}

interface Parsed {
  type: number;
  attrs: Map<number, Buffer>;
}

function parse(buf: Buffer): Parsed {
  const attrs = new Map<number, Buffer>();
  let at = 20;
  const end = 20 + buf.readUInt16BE(2);
  while (at + 4 <= end) {
    const type = buf.readUInt16BE(at);
    const len = buf.readUInt16BE(at + 2);
    attrs.set(type, buf.subarray(at + 4, at + 4 + len));
    at += 4 + len + ((4 - (len % 4)) % 4);
  }
  return { type: buf.readUInt16BE(0), attrs };
}

/** Sends a request and waits for its answer, resending a few times as STUN over UDP does. */
async function exchange(socket: dgram.Socket, host: string, port: number, req: Buffer): Promise<Parsed> {
  const tid = req.subarray(8, 20);
  return new Promise((resolve, reject) => {
    let tries = 0;
    const onMessage = (msg: Buffer) => {
      if (msg.length < 20 || !msg.subarray(8, 20).equals(tid)) return;
      clearInterval(timer);
      socket.off('message', onMessage);
      resolve(parse(msg));
    };
    const send = () => {
      if (++tries > 40) {
        clearInterval(timer);
        socket.off('message', onMessage);
        reject(new Error('no answer from the TURN server'));
      } else socket.send(req, port, host);
    };
    socket.on('message', onMessage);
    const timer = setInterval(send, 250);
    send();
  });
}

export interface AllocateResult {
  ok: boolean;
  /** The error code of a refusal (401: wrong credentials). */
  errorCode?: number;
  relayedPort?: number;
}

export async function turnAllocate(
  host: string,
  port: number,
  username: string,
  password: string,
): Promise<AllocateResult> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  try {
    const transport = attribute(ATTR.REQUESTED_TRANSPORT, Buffer.from([17, 0, 0, 0]));
    const first = await exchange(socket, host, port, message(ALLOCATE, randomBytes(12), [transport]));
    const realm = first.attrs.get(ATTR.REALM);
    const nonce = first.attrs.get(ATTR.NONCE);
    if (!realm || !nonce) throw new Error(`expected a 401 with realm and nonce, got type ${first.type}`);
    const key = createHash('md5').update(`${username}:${realm.toString()}:${password}`).digest();
    const second = await exchange(
      socket,
      host,
      port,
      message(
        ALLOCATE,
        randomBytes(12),
        [
          transport,
          attribute(ATTR.USERNAME, Buffer.from(username)),
          attribute(ATTR.REALM, realm),
          attribute(ATTR.NONCE, nonce),
        ],
        key,
      ),
    );
    if (second.type === 0x0103) {
      const relayed = second.attrs.get(ATTR.XOR_RELAYED_ADDRESS)!;
      return { ok: true, relayedPort: relayed.readUInt16BE(2) ^ (MAGIC >>> 16) };
    }
    const err = second.attrs.get(ATTR.ERROR_CODE);
    return { ok: false, errorCode: err ? err[2] * 100 + err[3] : undefined };
  } finally {
    socket.close();
  }
}
