import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Actor, Clock } from '@tiaojie/core';
import { DbService, Executor } from '@tiaojie/db';
import { AuditRepository, AuditRow } from './audit.repository';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBadId: number | null;
  problem: string | null;
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value as object).filter((k) => (value as any)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as any)[k])}`).join(',')}}`;
}

export function auditHash(prevHash: string, row: Pick<AuditRow, 'at' | 'actorId' | 'actorRole' | 'action' | 'entityType' | 'entityId' | 'data'> & { id: number }): string {
  const body = canonical({
    id: row.id, at: row.at.toISOString(), actorId: row.actorId, actorRole: row.actorRole,
    action: row.action, entityType: row.entityType, entityId: row.entityId, data: row.data ?? null,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/** Append-only, hash-chained audit log: who did what, when and why. */
@Injectable()
export class AuditService {
  constructor(
    private readonly repo: AuditRepository,
    private readonly db: DbService,
    private readonly clock: Clock,
  ) {}

  /** Appends inside the caller's transaction, so the audit row commits or rolls back with the change. */
  async record(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
    await this.repo.lockChain(tx);
    const prevHash = (await this.repo.lastHash(tx)) ?? GENESIS_HASH;
    const nextId = await this.nextId(tx);
    const row = {
      id: nextId,
      at: this.clock.now(),
      actorId: actor.id,
      actorRole: actor.role,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      data: (entry.data ?? null) as any,
    };
    const hash = auditHash(prevHash, row);
    await this.repo.insert(tx, { ...row, prevHash, hash });
    await this.repo.setHead(tx, row.id, hash);
  }

  /**
   * Appends several entries in one round trip (bulk imports): same lock, same chain, ids from the
   * sequence in order, one multi-row insert.
   */
  async recordMany(tx: Executor, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.repo.lockChain(tx);
    let prevHash = (await this.repo.lastHash(tx)) ?? GENESIS_HASH;
    const r = await this.db.raw(tx).query(
      `select nextval(pg_get_serial_sequence('audit_log','id'))::bigint as id from generate_series(1, $1::int) order by 1`, [entries.length],
    );
    const at = this.clock.now();
    const rows = entries.map((entry, i) => {
      const row = {
        id: Number(r.rows[i].id), at, actorId: actor.id, actorRole: actor.role,
        action: entry.action, entityType: entry.entityType, entityId: entry.entityId, data: (entry.data ?? null) as any,
      };
      const hash = auditHash(prevHash, row);
      const out = { ...row, prevHash, hash };
      prevHash = hash;
      return out;
    });
    for (let i = 0; i < rows.length; i += 1000) await this.repo.insertMany(tx, rows.slice(i, i + 1000));
    const last = rows[rows.length - 1];
    await this.repo.setHead(tx, last.id, last.hash);
  }

  private async nextId(tx: Executor): Promise<number> {
    const r = await this.db.raw(tx).query(`select nextval(pg_get_serial_sequence('audit_log','id'))::bigint as id`);
    return Number(r.rows[0].id);
  }

  forEntity(entityType: string, entityId: string): Promise<AuditRow[]> {
    return this.repo.forEntity(this.db.db, entityType, entityId);
  }

  /** Walks the whole chain; any edited, inserted or deleted row (the newest ones included) breaks it. */
  async verify(): Promise<ChainCheck> {
    let prev = GENESIS_HASH;
    let after = 0;
    let checked = 0;
    let lastId = 0;
    for (;;) {
      const page = await this.repo.page(this.db.db, after, 1000);
      if (page.length === 0) break;
      for (const row of page) {
        if (row.prevHash !== prev) return { ok: false, checked, firstBadId: row.id, problem: `row ${row.id}: previous hash does not match row ${lastId} (a row was deleted or edited)` };
        if (auditHash(prev, row) !== row.hash) return { ok: false, checked, firstBadId: row.id, problem: `row ${row.id}: content does not match its hash (edited)` };
        prev = row.hash;
        lastId = row.id;
        checked++;
      }
      after = page[page.length - 1].id;
    }
    // The chain cannot show rows cut off its end: the head is anchored separately on every append.
    const head = await this.repo.head(this.db.db);
    if (head && (head.id !== lastId || head.hash !== prev)) {
      return { ok: false, checked, firstBadId: head.id, problem: `the newest rows are missing: the chain ends at row ${lastId} but the recorded head is row ${head.id}` };
    }
    return { ok: true, checked, firstBadId: null, problem: null };
  }
}
