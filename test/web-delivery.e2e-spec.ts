import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { TestApp, startTestApp } from './support/test-app';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw HTTP GET (no automatic decoding), so the test sees exactly the bytes and headers a phone receives. */
function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * How the api delivers the built web app: brotli or gzip by Accept-Encoding (precompressed files for assets,
 * on the fly for JSON), hashed assets cached for a year, index.html revalidated by ETag, SPA fallback kept.
 */
describe('web app delivery: compression and caching (e2e)', () => {
  let t: TestApp;
  let dist: string;
  const script = `export const greeting = ${JSON.stringify('调解平台'.repeat(400))};\n`;
  const shell = `<!doctype html><html lang="zh-CN"><head><title>调解平台</title></head><body><div id="root"></div>${'<!-- shell -->'.repeat(100)}<script type="module" src="/assets/index-Ab12Cd34.js"></script></body></html>`;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'tj-web-'));
    mkdirSync(path.join(dist, 'assets'));
    const asset = path.join(dist, 'assets', 'index-Ab12Cd34.js');
    writeFileSync(asset, script);
    writeFileSync(`${asset}.br`, brotliCompressSync(script));
    writeFileSync(`${asset}.gz`, gzipSync(script));
    writeFileSync(path.join(dist, 'index.html'), shell);
    t = await startTestApp({ env: { WEB_DIST: dist } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends a hashed asset as brotli when accepted, immutable for a year, with an ETag', async () => {
    const res = await get(`${t.url}/assets/index-Ab12Cd34.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['etag']).toBeTruthy();
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it('falls back to gzip, then to the plain file, by Accept-Encoding', async () => {
    const gz = await get(`${t.url}/assets/index-Ab12Cd34.js`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);
    const plain = await get(`${t.url}/assets/index-Ab12Cd34.js`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('answers a repeated asset request with 304 when the ETag matches', async () => {
    const first = await get(`${t.url}/assets/index-Ab12Cd34.js`, { 'accept-encoding': 'br' });
    const again = await get(`${t.url}/assets/index-Ab12Cd34.js`, {
      'accept-encoding': 'br',
      'if-none-match': String(first.headers['etag']),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('serves index.html compressed and revalidated, at / and at client-side routes', async () => {
    for (const url of ['/', '/index.html', '/cases/abc']) {
      const res = await get(`${t.url}${url}`, { 'accept-encoding': 'br' });
      expect({ url, status: res.status, cacheControl: res.headers['cache-control'] }).toEqual({
        url,
        status: 200,
        cacheControl: 'no-cache',
      });
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(res.body).toString()).toBe(shell);
      const etag = String(res.headers['etag']);
      expect(etag).toBeTruthy();
      const again = await get(`${t.url}${url}`, { 'accept-encoding': 'br', 'if-none-match': etag });
      expect(again.status).toBe(304);
    }
  });

  it('compresses JSON answers of the api on the fly', async () => {
    const res = await get(`${t.url}/api/docs-json`, { 'accept-encoding': 'br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(res.body).toString()).openapi).toMatch(/^3\./);
    const gz = await get(`${t.url}/api/docs-json`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
  });

  it('answers a missing hashed asset and an unknown api path with 404, not the app shell', async () => {
    const asset = await get(`${t.url}/assets/index-gone.js`);
    expect(asset.status).toBe(404);
    const api = await get(`${t.url}/api/no-such-thing`);
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/json/);
  });
});
