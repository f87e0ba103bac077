import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** The process cannot start on this data folder; the message (Chinese, with the path) is for the operator. */
export class DataDirUnusableError extends Error {
  constructor(
    message: string,
    readonly dir: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'DataDirUnusableError';
  }
}

const CAUSES: Record<string, string> = {
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '文件系统为只读',
  ENOSPC: '磁盘空间已满',
  EDQUOT: '磁盘配额已用完',
  ENOTDIR: '路径中有一段是文件而不是文件夹',
  EEXIST: '该路径是文件而不是文件夹',
  EIO: '磁盘读写错误',
};

/** A short Chinese cause for a file-system error code. */
export function storageCause(code: string | undefined): string {
  return (code && CAUSES[code]) ?? '无法读写';
}

/**
 * Startup check, so an unusable folder fails at once with its path and cause (PGlite itself only says "failed to
 * initialize" after ~10 s): the folder is created if missing, must be a folder, and a probe file is written,
 * flushed and removed — a real write, because root passes any permission check but not a read-only mount.
 */
export function probeDataDir(dir: string): void {
  const fail = (code: string, detail?: string): never => {
    throw new DataDirUnusableError(
      `数据目录 ${path.resolve(dir)} 不可用：${storageCause(code)}（${detail ?? code}）。` +
        `请检查 DATA_DIR 指向的文件夹。`,
      dir,
      code,
    );
  };
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    fail((err as NodeJS.ErrnoException).code ?? 'EIO', (err as Error).message);
  }
  if (!fs.statSync(dir).isDirectory()) fail('EEXIST');
  const probe = path.join(dir, `.write-probe-${process.pid}`);
  try {
    const fd = fs.openSync(probe, 'w');
    try {
      fs.writeSync(fd, 'ok');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.rmSync(probe, { force: true });
  } catch (err) {
    fail((err as NodeJS.ErrnoException).code ?? 'EIO', (err as Error).message);
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * One writer per data folder: the holder listens on a Unix socket named after the folder (its device and inode,
 * so links and bind mounts of one folder get one name). On Linux the socket is abstract: binding is atomic and
 * the kernel frees the name when the holder dies, even by `kill -9`, like flock(2) but without a native addon
 * (npm installs none here); elsewhere it is a socket file in the folder, taken over when nobody answers on it.
 * Linux's abstract names are per network namespace: containers sharing one volume must share a network namespace.
 */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const st = fs.statSync(dir);
  const digest = createHash('sha256').update(`${st.dev}:${st.ino}`).digest('hex').slice(0, 40);
  const address =
    process.platform === 'linux' ? `\0tiaojie-data-dir-${digest}` : path.join(dir, '.writer.sock');
  const server = net.createServer((c) => c.end(JSON.stringify({ pid: process.pid })));
  for (let attempt = 0; ; attempt++) {
    const err = await listen(server, address);
    if (!err) break;
    if (err.code !== 'EADDRINUSE') throw err;
    // a holder whose event loop is stuck does not answer: its pid is in the file it wrote when it took the lock
    const holder = (await askHolder(address)) ?? readPid(dir);
    if (holder === null && process.platform !== 'linux' && attempt === 0) {
      fs.rmSync(address, { force: true }); // a socket file its dead holder left behind
      continue;
    }
    throw new DataDirUnusableError(
      `数据目录 ${path.resolve(dir)} 正被另一个进程使用（pid ${holder ?? '未知'}）：同一数据目录只能由一个进程写入。` +
        `请先停止该进程，或为本进程设置另一个 DATA_DIR。`,
      dir,
      'ELOCKED',
    );
  }
  server.unref();
  fs.writeFileSync(path.join(dir, PID_FILE), `${process.pid}\n`);
  return {
    release: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const PID_FILE = '.writer.pid';

function readPid(dir: string): number | null {
  try {
    return Number(fs.readFileSync(path.join(dir, PID_FILE), 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

function listen(server: net.Server, address: string): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    const onError = (err: NodeJS.ErrnoException) => resolve(err);
    server.once('error', onError);
    server.listen(address, () => {
      server.off('error', onError);
      resolve(null);
    });
  });
}

/** The holder's pid, or null when nobody answers within a second. */
function askHolder(address: string): Promise<number | null> {
  return new Promise((resolve) => {
    let text = '';
    const socket = net.connect(address);
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
    socket.on('error', () => resolve(null));
    socket.on('close', () => {
      try {
        resolve(Number(JSON.parse(text).pid) || null);
      } catch {
        resolve(null);
      }
    });
  });
}
