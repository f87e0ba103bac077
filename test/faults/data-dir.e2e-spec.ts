import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { application, call, partyToken } from './support/clients';
import { Proc, buildServer, sleep, spawnPglite, waitHealthy } from './support/cluster';

/**
 * The embedded database's data folder has one writer: a second process on the same DATA_DIR (the worker alone, or
 * a restart while the old process still runs) refuses to start, naming the folder and the holder's pid; the lock
 * dies with its holder, so a start after `kill -9` succeeds at once. A folder that cannot be used fails the start
 * within two seconds, with its path and the cause. Real processes (`dist/src/main.js`) on PGlite.
 */
// The check runs before the application's modules load (about 1 s of node start-up on a quiet 2-core machine);
// the bound leaves room for a busy one and stays well below PGlite's own ~10 s "failed to initialize".
const REFUSED_WITHIN_MS = 5_000;

async function exitsWithin(p: Proc, ms: number): Promise<{ code: number | null; ms: number } | null> {
  const started = Date.now();
  const exit = await Promise.race([p.exited, sleep(ms).then(() => null)]);
  if (!exit) {
    p.child.kill('SIGKILL');
    return null;
  }
  return { code: exit.code, ms: Date.now() - started };
}

describe('one writer per data folder (fault)', () => {
  const procs: Proc[] = [];
  let root: string;

  beforeAll(() => {
    buildServer();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tj-datadir-'));
  });
  afterAll(async () => {
    for (const p of procs) await p.kill('SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
  });
  const start = async (name: string, dir: string, env: Record<string, string> = {}, entry?: string) => {
    const p = await spawnPglite(name, dir, env, entry);
    procs.push(p);
    return p;
  };

  it('refuses a second process on the same folder and starts at once after kill -9 of the holder', async () => {
    const dir = path.join(root, 'data');
    const first = await start('first', dir);
    await waitHealthy(first);
    const party = await partyToken(first, '13590000001');
    const applied = await call(first.url, 'POST', '/cases', { token: party, body: application() });
    expect(applied.status).toBe(201);

    for (const entry of ['second (all in one)', 'second (worker)']) {
      const second = await start(
        entry,
        dir,
        {},
        entry === 'second (worker)' ? 'dist/apps/worker/src/main.js' : undefined,
      );
      const exit = await exitsWithin(second, 15_000);
      const log = second.log.join('');
      expect({ exit: exit?.code, log }).toEqual({
        exit: 1,
        log: expect.stringContaining(`数据目录 ${dir} 正被另一个进程使用（pid ${first.child.pid}）`),
      });
    }
    expect(first.alive()).toBe(true);

    first.child.kill('SIGKILL');
    await first.exited;
    const third = await start('third', dir);
    await waitHealthy(third);
    expect(third.log.join('')).not.toContain('正被另一个进程使用');
    const again = await call(third.url, 'GET', `/cases/${applied.body.id}`, { token: party });
    expect(again.status).toBe(200);
  });

  it.each([
    [
      'a file where the folder should be',
      (parent: string) => {
        fs.mkdirSync(parent);
        fs.writeFileSync(path.join(parent, 'data'), 'x');
      },
      '该路径是文件而不是文件夹',
    ],
    [
      'a folder under a file',
      (parent: string) => fs.writeFileSync(parent, 'x'),
      '路径中有一段是文件而不是文件夹',
    ],
  ])('fails within seconds with the path and the cause on %s', async (_what, prepare, cause) => {
    const parent = path.join(root, Math.random().toString(36).slice(2));
    prepare(parent);
    const dir = path.join(parent, 'data');
    const started = Date.now();
    const p = await start('unusable', dir);
    const exit = await exitsWithin(p, 15_000);
    const log = p.log.join('');
    expect({ code: exit?.code, log }).toEqual({
      code: 1,
      log: expect.stringContaining(`数据目录 ${dir} 不可用：${cause}`),
    });
    expect(Date.now() - started).toBeLessThan(REFUSED_WITHIN_MS);
  });
});
