import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Actor, Clock } from '@tiaojie/core';
import { DbService, Executor, Statement } from '@tiaojie/db';
import { AuditRepository, AuditRow, NewAuditRow, SealedLink } from './audit.repository';

export const GENESIS_HASH = '0'.repeat(64);
const SEAL_BATCH = 2000;

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
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
}

function toRow(actor: Actor, entry: AuditEntry, at: Date): NewAuditRow {
  return {
    at,
    actorId: actor.id,
    actorRole: actor.role,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    data: (entry.data ?? null) as NewAuditRow['data'],
  };
}

type Hashed = Pick<
  AuditRow,
  'at' | 'actorId' | 'actorRole' | 'action' | 'entityType' | 'entityId' | 'data'
> & { id: number; seq: number };

export function auditHash(prevHash: string, row: Hashed): string {
  const body = canonical({
    id: row.id,
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorRole: row.actorRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    data: row.data ?? null,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * Append-only, hash-chained audit log: who did what, when and why.
 *
 * Appending is a plain insert in the caller's transaction (the row commits or rolls back with the change), so
 * audited writes never queue behind one another. The sealer (`seal`, run by AuditSealer shortly after each
 * append and by `verify`) links committed rows into the chain in commit order: position, previous hash, hash,
 * and the head anchored in `meta`. Only one sealer runs at a time (an advisory lock).
 */
@Injectable()
export class AuditService {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly repo: AuditRepository,
    private readonly db: DbService,
    private readonly clock: Clock,
  ) {}

  async record(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
    await this.repo.insert(tx, toRow(actor, entry, this.clock.now()));
    this.appended();
  }

  /**
   * The append of entries by several actors (in the given order) as a statement, for a caller that writes a whole
   * change as one statement (runAsOne). The rows commit or roll back with that statement.
   */
  statement(db: Executor, records: readonly [Actor, AuditEntry][]): Statement {
    const at = this.clock.now();
    const rows = records.map(([actor, entry]) => toRow(actor, entry, at));
    this.appended();
    return this.repo.insertStatement(db, rows);
  }

  /** Appends several entries in one statement (bulk imports), in the given order. */
  async recordMany(tx: Executor, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const at = this.clock.now();
    const rows = entries.map((entry) => toRow(actor, entry, at));
    for (let i = 0; i < rows.length; i += 1000) await this.repo.insertMany(tx, rows.slice(i, i + 1000));
    this.appended();
  }

  /** Called after each append (the sealer schedules a pass). */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private appended(): void {
    for (const l of this.listeners) l();
  }

  /**
   * Links every committed, unsealed row into the chain. Returns how many rows were sealed; 0 when another
   * process holds the sealer lock and `wait` is false (that process seals them). With `newOnly`, only rows above
   * the chain head's id: what was appended since the last pass, without walking the older part of the unsealed
   * index. A row that commits after a higher id was sealed waits for the next full pass (the sealer's sweep).
   */
  async seal(opts: { wait?: boolean; newOnly?: boolean } = {}): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.db.transaction(async (tx) => {
        if (!(await this.repo.tryLockChain(tx))) return -1;
        const head = await this.repo.head(tx);
        const rows = await this.repo.unsealed(tx, SEAL_BATCH, opts.newOnly ? (head?.id ?? 0) : 0);
        if (rows.length === 0) {
          // an empty chain gets its head too, so the first seal after boot only ever updates a row
          if (!head) await this.repo.setHead(tx, { id: 0, seq: 0, hash: GENESIS_HASH });
          return 0;
        }
        let prev = head?.hash ?? GENESIS_HASH;
        let seq = head?.seq ?? 0;
        const links: SealedLink[] = rows.map((row) => {
          seq += 1;
          const hash = auditHash(prev, { ...row, seq });
          const link = { id: row.id, seq, prevHash: prev, hash };
          prev = hash;
          return link;
        });
        await this.repo.seal(tx, links);
        const last = links[links.length - 1];
        await this.repo.setHead(tx, { id: last.id, seq: last.seq, hash: last.hash });
        return links.length;
      });
      if (n === -1) {
        if (!opts.wait) return total;
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      total += n;
      if (n < SEAL_BATCH) return total;
    }
  }

  forEntity(entityType: string, entityId: string): Promise<AuditRow[]> {
    return this.repo.forEntity(this.db.db, entityType, entityId);
  }

  /** Seals what is pending, then walks the whole chain; any edited, inserted or deleted row (the newest ones included) breaks it. */
  async verify(): Promise<ChainCheck> {
    await this.seal({ wait: true });
    let prev = GENESIS_HASH;
    let afterSeq = 0;
    let checked = 0;
    let lastId = 0;
    for (;;) {
      const page = await this.repo.pageByChain(this.db.db, afterSeq, 1000);
      if (page.length === 0) break;
      for (const row of page) {
        const seq = Number(row.seq);
        if (row.prevHash !== prev)
          return {
            ok: false,
            checked,
            firstBadId: row.id,
            problem: `row ${row.id}: previous hash does not match row ${lastId} (a row was deleted or edited)`,
          };
        if (auditHash(prev, { ...row, seq }) !== row.hash)
          return {
            ok: false,
            checked,
            firstBadId: row.id,
            problem: `row ${row.id}: content does not match its hash (edited)`,
          };
        if (seq !== afterSeq + 1)
          return {
            ok: false,
            checked,
            firstBadId: row.id,
            problem: `row ${row.id}: chain position ${seq} follows ${afterSeq} (a row was deleted)`,
          };
        prev = row.hash;
        lastId = row.id;
        afterSeq = seq;
        checked++;
      }
    }
    // The chain cannot show rows cut off its end: the head is anchored separately on every seal.
    const head = await this.repo.head(this.db.db);
    if (head && (head.seq !== afterSeq || head.hash !== prev)) {
      return {
        ok: false,
        checked,
        firstBadId: head.id,
        problem: `the newest rows are missing: the chain ends at row ${lastId} but the recorded head is row ${head.id}`,
      };
    }
    return { ok: true, checked, firstBadId: null, problem: null };
  }
}
