import { ChildProcess, spawn } from 'node:child_process';
import * as dgram from 'node:dgram';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HttpClient, expectStatus } from '../support/http-client';
import { TestApp, startTestApp } from '../support/test-app';
import { turnAllocate } from './support/turn-allocate';

const SECRET = 'coturn-shared-secret-for-tests';

async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const { port } = s.address();
  s.close();
  return port;
}

/**
 * The api's TURN credentials against the real coturn (Debian's turnserver) configured like deploy/turnserver.conf
 * with the same shared secret: an allocation succeeds with them and fails with a wrong password.
 */
describe('coturn with the api credentials (e2e)', () => {
  let t: TestApp;
  let turn: ChildProcess;
  let port: number;
  let dir: string;

  beforeAll(async () => {
    port = await freeUdpPort();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tj-coturn-'));
    turn = spawn(
      '/usr/bin/turnserver',
      [
        '-c',
        path.resolve(__dirname, '../../deploy/turnserver.conf'),
        `--static-auth-secret=${SECRET}`,
        `--listening-port=${port}`,
        '--listening-ip=127.0.0.1',
        '--relay-ip=127.0.0.1',
        '--no-tls',
        '--no-dtls',
        `--userdb=${path.join(dir, 'turndb')}`,
        `--pidfile=${path.join(dir, 'turnserver.pid')}`,
        '--log-file=stdout',
      ],
      { stdio: 'ignore' },
    );
    t = await startTestApp({
      env: { TURN_URLS: `turn:127.0.0.1:${port}?transport=udp`, TURN_SECRET: SECRET, TURN_TTL: '600' },
    });
  });
  afterAll(async () => {
    turn?.kill();
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('allocates a relay with the credentials of GET /api/rtc/ice-servers, and refuses a wrong password', async () => {
    const party = await new HttpClient(t.url).signInParty('13800000031', (p) => t.sms.lastCode(p));
    const r = await party.get('/rtc/ice-servers');
    expectStatus(r, 200);
    expect(r.body).toMatchObject({ ttl: 600, hostOnly: false });
    const server = r.body.iceServers.find((s: any) => s.urls[0].startsWith('turn:'));
    expect(server.urls).toEqual([`turn:127.0.0.1:${port}?transport=udp`]);
    const me = (await party.get('/auth/me')).body.id;
    expect(server.username).toMatch(new RegExp(`^\\d+:${me}$`));

    const ok = await turnAllocate('127.0.0.1', port, server.username, server.credential);
    expect(ok).toMatchObject({ ok: true, relayedPort: expect.any(Number) });
    const wrong = await turnAllocate('127.0.0.1', port, server.username, `${server.credential}x`);
    expect(wrong).toEqual({ ok: false, errorCode: 401 });
    // an expired username is refused whatever its password
    const [, user] = server.username.split(':');
    const expired = await turnAllocate('127.0.0.1', port, `1000:${user}`, server.credential);
    expect(expired.ok).toBe(false);
  });
});
