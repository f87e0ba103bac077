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
    await this.repo.insert(tx, { ...row, prevHash, hash: auditHash(prevHash, row) });
  }

  private async nextId(tx: Executor): Promise<number> {
    const r = await this.db.raw(tx).query(`select nextval(pg_get_serial_sequence('audit_log','id'))::bigint as id`);
    return Number(r.rows[0].id);
  }

  forEntity(entityType: string, entityId: string): Promise<AuditRow[]> {
    return this.repo.forEntity(this.db.db, entityType, entityId);
  }

  /** Walks the whole chain; any edited, inserted or deleted row breaks it. */
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
    return { ok: true, checked, firstBadId: null, problem: null };
  }
}
