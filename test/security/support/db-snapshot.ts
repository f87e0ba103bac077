import type { DbService } from '@tiaojie/db';

/**
 * Row counts of every table in the database (found through the catalogue, so tables added by other work are
 * counted without editing this file) and the audit log's highest id. Partitions are counted through their
 * parent (pg-boss keeps one partition per queue under pgboss.job).
 */
export interface DbSnapshot {
  counts: Record<string, number>;
  auditMaxId: number;
}

export class DbSnapshotter {
  private query: string | null = null;
  private tables: string[] = [];

  constructor(private readonly db: DbService) {}

  private async prepare(): Promise<string> {
    const raw = this.db.raw(this.db.db);
    const r = await raw.query(`
      select n.nspname as schema, c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and not c.relispartition
        and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
      order by 1, 2`);
    this.tables = (r.rows as { schema: string; name: string }[]).map((t) => `${t.schema}.${t.name}`);
    const parts = this.tables.map(
      (t, i) =>
        `select ${i} as i, count(*)::int as n from ${t
          .split('.')
          .map((p) => `"${p}"`)
          .join('.')}`,
    );
    return `${parts.join(' union all ')} union all select -1 as i, coalesce(max(id), 0)::int as n from public.audit_log`;
  }

  /** Re-reads the table list (call after migrations or when tables may have been added). */
  async refresh(): Promise<void> {
    this.query = await this.prepare();
  }

  async take(): Promise<DbSnapshot> {
    this.query ??= await this.prepare();
    const rows = (await this.db.raw(this.db.db).query(this.query)).rows as { i: number; n: number }[];
    const counts: Record<string, number> = {};
    let auditMaxId = 0;
    for (const { i, n } of rows) {
      if (Number(i) === -1) auditMaxId = Number(n);
      else counts[this.tables[Number(i)]] = Number(n);
    }
    return { counts, auditMaxId };
  }

  get tableNames(): readonly string[] {
    return this.tables;
  }
}

/** Tables whose counts differ, and whether the audit log grew; empty when nothing changed. */
export function diffSnapshots(
  before: DbSnapshot,
  after: DbSnapshot,
  allowed: ReadonlySet<string> = new Set(),
): string[] {
  const out: string[] = [];
  for (const [table, n] of Object.entries(after.counts)) {
    const was = before.counts[table] ?? 0;
    if (n !== was && !allowed.has(table)) out.push(`${table}: ${was} → ${n}`);
  }
  if (after.auditMaxId !== before.auditMaxId && !allowed.has('audit_log.max_id'))
    out.push(`audit_log max id: ${before.auditMaxId} → ${after.auditMaxId}`);
  return out;
}
