/**
 * The load scenario's HTTP client: node:http with keep-alive (see `agent`), answers as status and (optionally) body.
 */
import * as http from 'node:http';

export interface Answer {
  status: number;
  body: any;
}
/**
 * HTTP/1.1 with keep-alive through node:http: the generator shares the machine with what it measures, and fetch
 * (undici) cost it several times more CPU per request (a CPU profile of the generator).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });
/**
 * `read` false for the measured requests: only the status is kept and the body is drained unread. Parsing a 100-row
 * queue page cost the generator CPU that the servers it shares the machine with then lacked (a client would parse
 * it, but on its own machine).
 */
export function call(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
  read = true,
): Promise<Answer> {
  const raw = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      `${base}/api${path}`,
      {
        method,
        agent,
        timeout: 30_000,
        headers: {
          ...(raw ? { 'content-type': 'application/json', 'content-length': String(raw.length) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        if (read) res.on('data', (c: Buffer) => chunks.push(c));
        else res.resume();
        res.on('error', reject);
        res.on('end', () => {
          const text = read ? Buffer.concat(chunks).toString('utf8') : '';
          let parsed: any = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            /* keep text */
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout after 30 s')));
    req.on('error', reject);
    req.end(raw);
  });
}
export function must(r: Answer, status: number, what: string): Answer {
  if (r.status !== status)
    throw new Error(`${what}: expected ${status}, got ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  return r;
}
export async function inBatches<T>(
  items: T[],
  size: number,
  fn: (item: T, i: number) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size)
    await Promise.all(items.slice(i, i + size).map((x, j) => fn(x, i + j)));
}
