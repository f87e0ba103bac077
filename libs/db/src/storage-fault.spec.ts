import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { currentStorageFault, recordStorageFault, storageFault } from './storage-fault';

describe('storageFault', () => {
  it('names a full disk, a read-only or refused file, from PostgreSQL codes, errno codes or the text', () => {
    const pg = Object.assign(new Error('could not extend file "base/5/16384": No space left on device'), {
      code: '53100',
    });
    expect(storageFault(new Error('Failed query', { cause: pg }))).toMatchObject({
      code: 'ENOSPC',
      cause: '磁盘空间已满',
      path: 'base/5/16384',
    });
    const errno = Object.assign(new Error('EROFS: read-only file system, open'), {
      code: 'EROFS',
      path: '/data/x',
    });
    expect(storageFault(errno)).toMatchObject({ code: 'EROFS', cause: '文件系统为只读', path: '/data/x' });
    const denied = Object.assign(new Error('could not open file "pg_wal/0001": Permission denied'), {
      code: '42501',
    });
    expect(storageFault(denied)).toMatchObject({ code: 'EACCES', path: 'pg_wal/0001' });
    expect(
      storageFault(Object.assign(new Error('permission denied for table x'), { code: '42501' })),
    ).toMatchObject({ code: 'EACCES' });
    expect(storageFault(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBeNull();
    expect(storageFault(null)).toBeNull();
  });

  it('reports an unusable data folder, and a recorded fault until it is old', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tj-storage-'));
    const file = path.join(root, 'file');
    fs.writeFileSync(file, 'x');
    expect(currentStorageFault(file)).toMatchObject({ code: 'EEXIST', path: file });
    expect(currentStorageFault(root)).toBeNull();
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    recordStorageFault({ code: 'ENOSPC', cause: '磁盘空间已满', path: null, message: 'full' });
    expect(currentStorageFault(root)).toMatchObject({ code: 'ENOSPC' });
    now.mockReturnValue(1_000_000 + 16_000);
    expect(currentStorageFault(root)).toBeNull();
    now.mockRestore();
    fs.rmSync(root, { recursive: true, force: true });
  });
});
