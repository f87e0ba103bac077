import { application, call, partyToken } from './support/clients';
import {
  Proc,
  buildServer,
  freshDatabase,
  postgresBase,
  sleep,
  startAllInOne,
  startApi,
} from './support/cluster';

/**
 * SIGTERM stops the servers promptly on PostgreSQL: the all-in-one process (`dist/src/main.js`: api and worker on
 * one pool) used to hang for ever — the worker's shutdown ended the shared pool while the api's socket adapter
 * still held its LISTEN connection. Each process gets a request that appends an audit row first, so the audit
 * sealer's last pass runs during the shutdown too (it must run before the database closes, not after).
 */
const EXIT_WITHIN_MS = 15_000;

async function stopsPromptly(
  p: Proc,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number | null }> {
  const started = Date.now();
  p.child.kill('SIGTERM');
  const exit = await Promise.race([p.exited, sleep(EXIT_WITHIN_MS).then(() => null)]);
  if (!exit) {
    p.child.kill('SIGKILL');
    return { code: null, signal: null, ms: null };
  }
  return { ...exit, ms: Date.now() - started };
}

describe('shutdown on SIGTERM (fault)', () => {
  let db: { url: string; drop: () => Promise<void> };

  beforeAll(async () => {
    const base = await postgresBase();
    buildServer();
    db = await freshDatabase(base);
  });
  afterAll(async () => {
    await db?.drop();
  });

  for (const [what, start] of [
    ['the all-in-one process', startAllInOne],
    ['the api process', startApi],
  ] as const) {
    it(`${what} exits with code 0 within ${EXIT_WITHIN_MS / 1000} s and does not use the database after closing it`, async () => {
      const p = await start(what, db.url);
      const party = await partyToken(p, `1359${String(Date.now()).slice(-7)}`);
      expect((await call(p.url, 'POST', '/cases', { token: party, body: application() })).status).toBe(201);
      const result = await stopsPromptly(p);
      expect({ code: result.code, signal: result.signal, stopped: result.ms !== null }).toEqual({
        code: 0,
        signal: null,
        stopped: true,
      });
      expect(p.log.join('')).not.toContain('Cannot use a pool after calling end');
    });
  }
});
