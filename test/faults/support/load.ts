import type { Socket } from 'socket.io-client';
import { Answer, application, call, connectSocket, signedOrder } from './clients';
import { sleep } from './cluster';

/**
 * Load generators for the fault tests. Each keeps what the server acknowledged (the only thing it promised)
 * and retries what it did not, the way a client does: messages and webhook deliveries with the same
 * idempotency key (clientMsgId / Idempotency-Key), transitions with the version it read. Applications have no
 * idempotency key, so an unanswered one is counted, not retried.
 */

export interface Outcome {
  at: number;
  target: string;
  status: number | 'network' | 'timeout' | string;
}

/** Tries the bases in order until one answers (a dead instance refuses connections). */
async function anyBase<T>(
  bases: () => string[],
  fn: (base: string) => Promise<T>,
  log: Outcome[],
  label: string,
): Promise<{ base: string; value: T } | null> {
  for (const base of bases()) {
    try {
      const value = await fn(base);
      return { base, value };
    } catch (err) {
      log.push({
        at: Date.now(),
        target: `${label} ${base}`,
        status: /timeout|abort/i.test(String((err as Error)?.name) + String((err as Error)?.message))
          ? 'timeout'
          : 'network',
      });
    }
  }
  return null;
}

export class MessageLoad {
  readonly acked = new Map<string, number>();
  readonly refusals: Outcome[] = [];
  readonly log: Outcome[] = [];
  private socket: Socket | null = null;
  private seq = 0;
  private pending: string | null = null;
  socketBase: string | null = null;

  constructor(
    readonly name: string,
    private readonly roomId: string,
    private readonly token: string,
    private readonly bases: () => string[],
    private readonly body: (id: string) => string = (id) => `故障测试消息 ${id}`,
  ) {}

  async run(stop: () => boolean, intervalMs: number, drainUntil: () => number): Promise<void> {
    while (!stop() || (this.pending && Date.now() < drainUntil())) {
      if (!this.socket?.connected) {
        this.socket?.disconnect();
        this.socket = null;
        for (const base of this.bases()) {
          try {
            this.socket = await connectSocket(base, this.token);
            this.socketBase = base;
            break;
          } catch {
            this.log.push({ at: Date.now(), target: `connect ${base}`, status: 'network' });
          }
        }
        if (!this.socket) {
          await sleep(200);
          continue;
        }
      }
      const id = this.pending ?? `${this.name}-${++this.seq}`;
      try {
        const r = await this.socket
          .timeout(8000)
          .emitWithAck('message:send', { roomId: this.roomId, clientMsgId: id, body: this.body(id) });
        if (r?.ok) {
          this.acked.set(id, r.data.message.seq);
          this.pending = null;
          this.log.push({ at: Date.now(), target: `send ${this.socketBase}`, status: 'ok' });
        } else {
          this.refusals.push({
            at: Date.now(),
            target: `send ${this.socketBase}`,
            status: r?.error?.code ?? 'unknown',
          });
          this.log.push({
            at: Date.now(),
            target: `send ${this.socketBase}`,
            status: r?.error?.code ?? 'unknown',
          });
          this.pending = id; // refused (e.g. the database is down): send the same message again
        }
      } catch {
        this.log.push({ at: Date.now(), target: `send ${this.socketBase}`, status: 'timeout' });
        this.pending = id;
        this.socket?.disconnect();
        this.socket = null;
      }
      await sleep(intervalMs);
    }
  }

  close(): void {
    this.socket?.disconnect();
  }
}

export class IntakeLoad {
  readonly acked: string[] = [];
  readonly log: Outcome[] = [];
  unanswered = 0;

  constructor(
    private readonly token: string,
    private readonly bases: () => string[],
  ) {}

  async run(stop: () => boolean, intervalMs: number): Promise<void> {
    let turn = 0;
    while (!stop()) {
      const order = this.bases();
      if (order.length === 0) {
        // nothing is up (a restart): nothing was sent, so nothing is left unanswered
        await sleep(intervalMs);
        continue;
      }
      const rotated = [...order.slice(turn % order.length), ...order.slice(0, turn % order.length)];
      turn += 1;
      // one attempt only: an application has no idempotency key, so a retry could file it twice
      const base = rotated[0];
      try {
        const r = await call(base, 'POST', '/cases', {
          token: this.token,
          body: application(),
          timeoutMs: 10_000,
        });
        this.log.push({ at: Date.now(), target: `apply ${base}`, status: r.status });
        if (r.status === 201) this.acked.push(r.body.id);
      } catch (err) {
        this.unanswered += 1;
        this.log.push({
          at: Date.now(),
          target: `apply ${base}`,
          status: /timeout|abort/i.test(String(err)) ? 'timeout' : 'network',
        });
      }
      await sleep(intervalMs);
    }
  }
}

export class WebhookLoad {
  readonly acked = new Set<string>();
  readonly sent: string[] = [];
  readonly log: Outcome[] = [];

  constructor(
    private readonly prefix: string,
    private readonly bases: () => string[],
  ) {}

  async run(stop: () => boolean, intervalMs: number, drainUntil: () => number): Promise<void> {
    let n = 0;
    let pending: string | null = null;
    let turn = 0;
    while (!stop() || (pending && Date.now() < drainUntil())) {
      const orderNo: string = pending ?? `${this.prefix}${String(++n).padStart(5, '0')}`;
      if (!pending) this.sent.push(orderNo);
      const order = this.bases();
      const rotated = [...order.slice(turn % order.length), ...order.slice(0, turn % order.length)];
      turn += 1;
      const res = await anyBase(
        () => rotated,
        async (base) => {
          const { body, headers } = signedOrder(orderNo);
          return call(base, 'POST', '/webhooks/12345', { body, headers, timeoutMs: 10_000 });
        },
        this.log,
        'webhook',
      );
      if (res) this.log.push({ at: Date.now(), target: `webhook ${res.base}`, status: res.value.status });
      if (res && res.value.status === 202) {
        this.acked.add(orderNo);
        pending = null;
      } else {
        pending = orderNo;
      }
      await sleep(intervalMs);
    }
  }
}

/** Accepts each routed case once; a command left unanswered is sent again with a fresh read (409 if it was applied). */
export class TransitionLoad {
  readonly acked: string[] = [];
  readonly log: Outcome[] = [];
  readonly conflictsAfterRetry: string[] = [];

  constructor(
    private readonly token: string,
    private readonly cases: string[],
    private readonly bases: () => string[],
  ) {}

  async run(stop: () => boolean, intervalMs: number, drainUntil: () => number): Promise<void> {
    const queue = [...this.cases];
    let turn = 0;
    let retried = false;
    while (queue.length && (!stop() || (retried && Date.now() < drainUntil()))) {
      const id = queue[0];
      const order = this.bases();
      const rotated = [...order.slice(turn % order.length), ...order.slice(0, turn % order.length)];
      turn += 1;
      const res = await anyBase(
        () => rotated,
        async (base) => {
          const read = await call(base, 'GET', `/cases/${id}`, { token: this.token, timeoutMs: 10_000 });
          if (read.status !== 200) return read;
          return call(base, 'POST', `/cases/${id}/accept`, {
            token: this.token,
            body: { version: read.body.version },
            timeoutMs: 10_000,
          });
        },
        this.log,
        'accept',
      );
      const a: Answer | null = res?.value ?? null;
      if (res && a) this.log.push({ at: Date.now(), target: `accept ${res.base}`, status: a.status });
      if (a?.status === 200) {
        this.acked.push(id);
        queue.shift();
        retried = false;
      } else if (a?.status === 409 && retried) {
        this.conflictsAfterRetry.push(id);
        queue.shift();
        retried = false;
      } else {
        retried = true;
      }
      await sleep(intervalMs);
    }
  }
}
