import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createServerDatabase } from '@tiaojie/db';
import { freePort, postgresBase as serverFor } from '../../support/postgres-server';

export const ROOT = path.resolve(__dirname, '../../..');

/** The PostgreSQL server these tests create their database on. */
export const postgresBase = () => serverFor('This test runs two api processes on one PostgreSQL database');

/** A fresh, migrated database on the server; `drop` removes it. */
export const freshDatabase = (base: string, prefix = 'tj_mi') => createServerDatabase(base, { prefix });

/**
 * Compiles the api the way `npm run build:server` does, into a private folder under test-artifacts/ (other suites
 * rebuild the shared dist/ concurrently; `rm -rf dist` in the middle of a start would break it). Returns the folder.
 */
export function buildServer(): string {
  const out = path.join('test-artifacts', `rooms-dist-${process.pid}`);
  fs.rmSync(path.join(ROOT, out), { recursive: true, force: true });
  execFileSync(
    'npx',
    [
      'swc',
      'apps/api/src',
      'libs',
      '-d',
      out,
      '--copy-files',
      '--quiet',
      '--ignore',
      '**/*.spec.ts',
      '--ignore',
      '**/*.int-spec.ts',
      '--ignore',
      '**/fixtures/**',
    ],
    {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  return path.join(ROOT, out);
}

export function removeBuild(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  log: string[];
  exited: Promise<number | null>;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

/** `node <build>/apps/api/src/main.js` on a database, listening on a free port; resolves once /api/health answers. */
export async function startApiProcess(
  build: string,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tj-api-'));
  const child = spawn(process.execPath, [path.join(build, 'apps/api/src/main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: 'multi-instance-secret-multi-instance-secret',
      WEB_DIST: '/nonexistent',
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout!.on('data', (d: Buffer) => log.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`api process exited with ${child.exitCode}:\n${log.join('')}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`api process did not become healthy in 60 s:\n${log.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    log,
    exited,
    kill: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
