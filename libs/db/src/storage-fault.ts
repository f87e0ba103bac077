import { probeDataDir, storageCause } from './data-dir-lock';

/** Why writes fail: the storage under the database is full, read-only or refuses us. */
export interface StorageFault {
  /** ENOSPC, EACCES, EROFS, … or the PostgreSQL code (53100 disk_full). */
  code: string;
  /** In Chinese, for people. */
  cause: string;
  /** The file the database named, when it did. */
  path: string | null;
  message: string;
}

const ERRNO = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EIO']);
const PG_CODES: Record<string, string> = { '53100': 'ENOSPC', '58030': 'EIO' };
// PostgreSQL reports a file it could not write as 42501 (EACCES, EROFS) or 53100 (ENOSPC), naming the file
const FILE_PROBLEM =
  /(No space left on device|Disk quota exceeded|Read-only file system|Permission denied|Input\/output error)/i;
const BY_TEXT: Record<string, string> = {
  'no space left on device': 'ENOSPC',
  'disk quota exceeded': 'EDQUOT',
  'read-only file system': 'EROFS',
  'permission denied': 'EACCES',
  'input/output error': 'EIO',
};

/** The storage fault behind an error (drizzle and pg wrap the driver's in `cause`), or null. */
export function storageFault(err: unknown): StorageFault | null {
  for (let e: any = err, depth = 0; e && depth < 5; e = e.cause, depth++) {
    const message = String(e.message ?? '');
    const text = FILE_PROBLEM.exec(message)?.[1]?.toLowerCase();
    const code =
      (typeof e.code === 'string' && ERRNO.has(e.code) && e.code) ||
      (typeof e.code === 'string' && PG_CODES[e.code]) ||
      (text && BY_TEXT[text]) ||
      null;
    if (!code) continue;
    const path = (typeof e.path === 'string' && e.path) || /"([^"]+)"/.exec(message)?.[1] || null;
    return { code, cause: storageCause(code), path, message };
  }
  return null;
}

let lastFault: { fault: StorageFault; at: number } | null = null;

/** Notes a write that failed for a storage reason (the error mapping calls it), for /api/health. */
export function recordStorageFault(fault: StorageFault): void {
  lastFault = { fault, at: Date.now() };
}

/** A fault the database reported counts this long after the last one: a server's disk is not ours to probe. */
export const STORAGE_RECOVERED_AFTER_MS = 15_000;

/**
 * The storage state of this process, for /api/health: null when writes work. On PGlite the data folder is probed
 * (a file written and flushed); on either engine a write that failed for a storage reason in the last
 * STORAGE_RECOVERED_AFTER_MS counts too.
 */
export function currentStorageFault(dataDir: string | null): StorageFault | null {
  if (dataDir) {
    try {
      probeDataDir(dataDir);
    } catch (err) {
      const code = String((err as NodeJS.ErrnoException).code ?? 'EIO');
      const fault = storageFault(err) ?? {
        code,
        cause: storageCause(code),
        path: null,
        message: String(err),
      };
      return { ...fault, path: fault.path ?? dataDir };
    }
  }
  if (lastFault && Date.now() - lastFault.at < STORAGE_RECOVERED_AFTER_MS) return lastFault.fault;
  lastFault = null;
  return null;
}
