/**
 * COPY … FROM STDIN for node-postgres without pg-copy-streams: a minimal submittable that answers the
 * server's CopyInResponse with the whole buffer. PGlite takes the same data as a blob (/dev/blob).
 */
import type { PGlite } from '@electric-sql/pglite';
import type { PoolClient } from 'pg';

class CopyIn {
  private resolve!: (n: number) => void;
  private reject!: (e: Error) => void;
  private rows = 0;
  readonly done = new Promise<number>((res, rej) => {
    this.resolve = res;
    this.reject = rej;
  });
  private error: Error | null = null;

  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {}

  submit(connection: any): void {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: any): void {
    for (let i = 0; i < this.data.length; i += 1 << 20)
      connection.sendCopyFromChunk(this.data.subarray(i, i + (1 << 20)));
    connection.endCopyFrom();
  }
  handleCommandComplete(msg: { text?: string }): void {
    this.rows = Number(/(\d+)$/.exec(msg.text ?? '')?.[1] ?? 0);
  }
  handleError(err: Error): void {
    this.error = err;
  }
  handleReadyForQuery(): void {
    if (this.error) this.reject(this.error);
    else this.resolve(this.rows);
  }
  handleEmptyQuery(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

export async function copyIntoPostgres(
  client: PoolClient,
  table: string,
  columns: string[],
  tsv: Buffer,
): Promise<number> {
  const q = new CopyIn(`copy ${table} (${columns.join(', ')}) from stdin`, tsv);
  client.query(q as any);
  return q.done;
}

export async function copyIntoPglite(
  pg: PGlite,
  table: string,
  columns: string[],
  tsv: Buffer,
): Promise<number> {
  const r = await pg.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], {
    blob: new Blob([tsv]),
  });
  return r.affectedRows ?? 0;
}

/** A text-format COPY field: backslash, tab, newline and carriage return escaped; null as \N. */
export function copyField(v: string | null): string {
  if (v === null) return '\\N';
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
