import * as http from 'node:http';

/**
 * One HTTP request exactly as given (fetch refuses bodies on GET and rewrites some headers): the path is sent
 * as is, the body as bytes; a FormData body is serialised with its multipart boundary.
 */
export async function rawRequest(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | Buffer | FormData | null,
  timeoutMs = 30_000,
): Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }> {
  let bytes: Buffer | null = null;
  const h = { ...headers };
  if (body instanceof FormData) {
    const r = new Response(body);
    bytes = Buffer.from(await r.arrayBuffer());
    h['content-type'] = r.headers.get('content-type')!;
  } else if (body !== null && body !== undefined) {
    bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  }
  if (bytes) h['content-length'] = String(bytes.length);
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    // agent: false — a fresh connection per request, so a connection the server closed after one refusal never fails the next request.
    const req = http.request(
      { host: url.hostname, port: url.port, method, path, headers: h, timeout: timeoutMs, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', reject);
    if (bytes) req.end(bytes);
    else req.end();
  });
}
