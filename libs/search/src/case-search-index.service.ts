import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { DbService, Executor, Statement } from '@tiaojie/db';
import { CaseSearchIndexRepository } from './case-search-index.repository';
import { PersonalHash, SearchDocument, postingsOf } from './search-tokens';

const BACKFILL_BATCH = 500;

/**
 * Keeps the case search index in step with the cases: every write that changes what a case can be found by (its
 * creation, a court referral, intake records linked to it) calls `reindex` inside its own transaction, so a case
 * is findable exactly when it is committed. Phone and ID numbers are indexed as keyed hashes (HMAC-SHA256 with a
 * per-database secret), so the index alone cannot be searched for them by trying every number.
 */
@Injectable()
export class CaseSearchIndexService implements OnApplicationBootstrap {
  private key: Promise<string> | null = null;

  constructor(
    private readonly repo: CaseSearchIndexRepository,
    private readonly db: DbService,
  ) {}

  /** Cases written before the index existed get their postings once, in batches, after boot. */
  async onApplicationBootstrap(): Promise<void> {
    // the key is read before any transaction needs it (PGlite has one connection: no read beside an open transaction)
    await this.hasher();
    void this.backfill().catch((err: Error) =>
      new Logger('CaseSearchIndex').warn(`backfill stopped: ${err.message}`),
    );
  }

  async backfill(): Promise<number> {
    let done = 0;
    for (;;) {
      const ids = await this.repo.unindexed(this.db.db, BACKFILL_BATCH);
      if (ids.length === 0) return done;
      await this.db.transaction((tx) => this.reindex(tx, ids));
      done += ids.length;
    }
  }

  /** Rewrites the postings of the cases `ids` from their rows as `tx` sees them. */
  async reindex(tx: Executor, ids: readonly string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const hash = await this.hasher();
    const docs = await this.repo.documents(tx, unique);
    await this.repo.replace(
      tx,
      unique,
      docs.map((d) => ({ disputeId: d.id, receivedAt: d.receivedAt, postings: postingsOf(d, hash) })),
    );
  }

  /** The postings of new cases written many at a time (in the transaction of their inserts). */
  async indexNew(tx: Executor, docs: { id: string; receivedAt: Date; doc: SearchDocument }[]): Promise<void> {
    if (docs.length === 0) return;
    const hash = await this.hasher();
    await this.repo.insert(
      tx,
      docs.map((d) => ({ disputeId: d.id, receivedAt: d.receivedAt, postings: postingsOf(d.doc, hash) })),
    );
  }

  /** A new case's postings as a statement to run with its insert (the hash from `hasher`, read beforehand). */
  newCaseStatement(id: string, receivedAt: Date, doc: SearchDocument, hash: PersonalHash): Statement {
    return this.repo.insertStatement(id, receivedAt, postingsOf(doc, hash));
  }

  /** The keyed hash of a phone or ID number (query side and index side alike). */
  async hasher(): Promise<PersonalHash> {
    this.key ??= this.repo.hashKey(this.db.db, randomBytes(32).toString('hex')).catch((err) => {
      this.key = null;
      throw err;
    });
    const key = await this.key;
    return (kind, value) =>
      `${kind}:${createHmac('sha256', key).update(value).digest('base64url').slice(0, 22)}`;
  }
}
