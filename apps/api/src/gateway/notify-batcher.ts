import type { Pool } from 'pg';

/** The part of @socket.io/postgres-adapter's PubSubClient this file replaces (one shared client per server). */
export interface PubSubPublisher {
  publish(message: { nsp: string; [k: string]: unknown }): Promise<void>;
}

const PAYLOAD_THRESHOLD = 8000;
const MAX_BATCH = 200;

function hasBinary(value: unknown, depth = 0): boolean {
  if (!value || typeof value !== 'object' || depth > 20) return false;
  if (Buffer.isBuffer(value) || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return true;
  if (Array.isArray(value)) return value.some((v) => hasBinary(v, depth + 1));
  return Object.values(value as object).some((v) => hasBinary(v, depth + 1));
}

/**
 * Sends the adapter's notifications in batches: every message published in the same turn of the event loop
 * goes out in one round trip (`select pg_notify($1, $2), pg_notify($3, $4), …`), in order, one batch at a
 * time. The adapter sent one `pg_notify` query per broadcast, which held a pooled connection per room message
 * and made the pool, not the database, the limit of a busy room (docs/decisions.md). Binary or large
 * messages keep the adapter's own path (the attachments table). Receivers are unchanged: each notification is
 * still one adapter message.
 *
 * The returned promise settles when the notification is queued, not when PostgreSQL has it: the cluster adapter
 * awaits `publish` before delivering a broadcast to this instance's own sockets, so waiting for the round trip put
 * the notification's latency in front of every local delivery (and, with a bounded window of unacknowledged sends,
 * in front of throughput). Order is unchanged (one queue, one batch at a time); a failed notification was only
 * logged by the adapter before and is logged here (`onError`).
 */
export function batchNotifications(
  client: PubSubPublisher,
  pool: Pool,
  channelPrefix: string,
  onError: (err: Error) => void,
): void {
  const original = client.publish.bind(client);
  let queue: { channel: string; payload: string }[] = [];
  let scheduled = false;
  let flushing: Promise<void> = Promise.resolve();

  const flush = async (): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      const params: string[] = [];
      const calls = batch.map((b, i) => {
        params.push(b.channel, b.payload);
        return `pg_notify($${2 * i + 1}, $${2 * i + 2})`;
      });
      try {
        await pool.query(`select ${calls.join(', ')}`, params);
      } catch (err) {
        onError(err as Error);
      }
    }
  };

  client.publish = (message) => {
    if (hasBinary(message)) return original(message);
    const payload = JSON.stringify(message);
    if (Buffer.byteLength(payload) > PAYLOAD_THRESHOLD) return original(message);
    queue.push({ channel: `${channelPrefix}#${message.nsp}`, payload });
    if (!scheduled) {
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        flushing = flushing.then(flush);
      });
    }
    return Promise.resolve();
  };
}
