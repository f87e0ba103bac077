import { Injectable } from '@nestjs/common';
import { Actor, DomainError, Role, UserActor } from '@tiaojie/core';
import { maskNamesIn } from '@tiaojie/personal-data';
import { DbService } from '@tiaojie/db';
import { AuditService } from '@tiaojie/audit';
import {
  CaseSearchIndexService,
  CaseSearchRepository,
  Condition,
  MAX_QUERY_TERMS,
  QueryTerm,
  SearchCursor,
  SearchField,
  normaliseId,
  parseQuery,
} from '@tiaojie/search';
import { CaseListItem, listItem } from './case-list-item';
import { CaseReadScopeRepository } from './case-read-scope.repository';
import { CaseSearchFilterRepository, SearchFilters } from './case-search-filter.repository';
import { matchedFields, snippetOf } from './case-search.view';

export interface SearchInput extends SearchFilters {
  q: string;
  limit?: number;
  cursor?: string;
}

export type SearchItem = CaseListItem & { matched: SearchField[]; snippet?: string; formerHandler: boolean };

export interface SearchAnswer {
  items: SearchItem[];
  nextCursor: string | null;
  total: number | null;
}

export const SEARCH_LIMIT = { default: 20, max: 100 };
const FREQUENCY_TTL_MS = 60_000;
const FREQUENCY_CACHE_SIZE = 10_000;

/**
 * The ways a query term can match, best first. A word is read whole (a name, a dictionary word); only when that
 * finds nothing in the reader's scope (`broad`) also as its pieces, which all must occur but not necessarily
 * together (拖欠工资 → 拖欠 and 工资): precise first, complete when precision finds nothing.
 */
function conditionOf(t: QueryTerm, broad: boolean): Condition {
  if (t.kind === 'exact') return [{ terms: [t.term] }];
  if (t.kind === 'prefix') return [{ prefix: t.from }];
  if (t.kind === 'serial') return [{ terms: [t.term] }, { terms: [t.word] }];
  const pieces = [...t.pieces].sort((a, b) => b.length - a.length);
  return !broad || (pieces.length === 1 && pieces[0] === t.whole)
    ? [{ terms: [t.whole] }]
    : [{ terms: [t.whole] }, { terms: pieces }];
}

/** How selective a condition likely is: identifiers most, then long words; the most selective drives the read. */
function selectivity(t: QueryTerm): number {
  if (t.kind === 'exact') return 1000;
  if (t.kind === 'prefix' || t.kind === 'serial') return 500;
  return Math.max(...t.pieces.map((p) => p.length));
}

function encodeCursor(c: SearchCursor, broad: boolean): string {
  return Buffer.from(JSON.stringify([c.rank, c.receivedAt, c.id, broad ? 1 : 0])).toString('base64url');
}

function decodeCursor(raw: string): { after: SearchCursor; broad: boolean } {
  try {
    const [rank, receivedAt, id, broad] = JSON.parse(
      Buffer.from(raw, 'base64url').toString('utf8'),
    ) as unknown[];
    if (
      typeof rank === 'number' &&
      (broad === 0 || broad === 1) &&
      typeof receivedAt === 'string' &&
      !Number.isNaN(Date.parse(receivedAt)) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(id)
    )
      return { after: { rank, receivedAt, id }, broad: broad === 1 };
  } catch {
    // falls through to the refusal below
  }
  throw DomainError.validation('翻页标记无效，请重新检索', { field: 'cursor' });
}

/**
 * Case search (案件检索): every case the reader may open (CaseReadScopeRepository), found by number, name, phone
 * or ID number (exact only), intake id, court case number or Chinese words; exact identifiers rank first, then
 * names, then the title, then the description, each newest first. Staff searches that matched a phone or ID number
 * are audited with whose number it was.
 */
@Injectable()
export class CaseSearchService {
  private readonly frequencyCache = new Map<string, { n: number; at: number }>();

  constructor(
    private readonly db: DbService,
    private readonly index: CaseSearchIndexService,
    private readonly search: CaseSearchRepository,
    private readonly scopes: CaseReadScopeRepository,
    private readonly filters: CaseSearchFilterRepository,
    private readonly audit: AuditService,
  ) {}

  async find(actor: Actor, input: SearchInput): Promise<SearchAnswer> {
    const q = (input.q ?? '').trim();
    if (q.length === 0 || q.length > 100)
      throw DomainError.validation('请输入 1–100 个字的检索词', { field: 'q' });
    const limit = input.limit ?? SEARCH_LIMIT.default;
    if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_LIMIT.max)
      throw DomainError.validation('每页条数应为 1–100', { field: 'limit' });
    const from = input.cursor ? decodeCursor(input.cursor) : null;
    const after = from?.after ?? null;
    const hash = await this.index.hasher();
    const { terms, words } = parseQuery(q, hash);
    if (terms.length === 0) throw DomainError.validation('检索词中没有可检索的文字或号码', { field: 'q' });
    if (terms.length > MAX_QUERY_TERMS)
      throw DomainError.validation(`检索词最多 ${MAX_QUERY_TERMS} 个`, { field: 'q' });
    const personal = this.personalValues(q, terms);
    // a party finds only their own cases: a personal number in the query matches no one's record but their own phone
    if (actor.role === Role.Party && !(await this.ownNumbers(actor, personal)))
      return { items: [], nextCursor: null, total: 0 };

    const scope = await this.scopes.scopeOf(this.db.db, actor);
    const filters = this.filters.where(input);
    const { ordered, unknownWhole } = await this.bySelectivity(terms);
    const matchedBy = {
      terms: terms.flatMap((t) =>
        t.kind === 'exact' ? [t.term] : t.kind === 'words' ? [t.whole, ...t.pieces] : [],
      ),
      prefixes: terms.flatMap((t) => (t.kind === 'prefix' ? [t.from] : [])),
    };
    const readOf = (broad: boolean) => ({
      driver: conditionOf(ordered[0], broad),
      others: ordered.slice(1).map((t) => conditionOf(t, broad)),
      where: scope.all ? filters : [scope.readable, ...filters],
      joinCases: !scope.all || this.filters.readsCase(input),
      after,
      limit: limit + 1,
      matchedBy,
    });
    let broad = from?.broad ?? unknownWhole;
    let { hits, total } = await this.search.read(this.db.db, readOf(broad));
    if (hits.length === 0 && !from && !broad && ordered.some((t) => conditionOf(t, true).length > 1)) {
      broad = true;
      ({ hits, total } = await this.search.read(this.db.db, readOf(broad)));
    }
    const page = hits.slice(0, limit);
    const ids = page.map((h) => h.disputeId);
    const [rows, parties] = await Promise.all([
      this.scopes.summaries(this.db.db, ids, scope.full),
      this.filters.parties(this.db.db, ids),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const items: SearchItem[] = page.flatMap((h) => {
      const row = byId.get(h.disputeId);
      if (!row) return [];
      const own = parties.filter((p) => p.disputeId === h.disputeId);
      const masked = !row.fullAccess;
      const matched = matchedFields(h.fields);
      const snippet = snippetOf(matched, words, personal, row, own, masked);
      const item = listItem(row);
      return [
        {
          ...item,
          title: masked ? maskNamesIn(item.title, own) : item.title,
          matched,
          ...(snippet ? { snippet } : {}),
          formerHandler: masked,
        },
      ];
    });
    if (actor.role !== Role.Party && (personal.phone || personal.idNumber))
      await this.auditPersonal(actor, items, personal, parties);
    const last = page[page.length - 1];
    return {
      items,
      nextCursor:
        hits.length > limit && last
          ? encodeCursor(
              { rank: last.rank, receivedAt: last.receivedAt.toISOString(), id: last.disputeId },
              broad,
            )
          : null,
      total,
    };
  }

  /** The query's parts, the one with the fewest postings first (identifiers and number prefixes before words). */
  private async bySelectivity(terms: QueryTerm[]): Promise<{ ordered: QueryTerm[]; unknownWhole: boolean }> {
    if (terms.length === 1) return { ordered: terms, unknownWhole: false };
    const words = terms.flatMap((t) => (t.kind === 'words' ? [t.whole, ...t.pieces] : []));
    const n = await this.frequencies(words);
    const cost = (t: QueryTerm) =>
      t.kind === 'words'
        ? n.get(t.whole) || Math.min(...t.pieces.map((p) => n.get(p) ?? 0))
        : -selectivity(t);
    // a word no case holds whole (人民路 is indexed as 人民 and 路): the precise reading can find nothing
    const unknownWhole = terms.some(
      (t) => t.kind === 'words' && conditionOf(t, true).length > 1 && n.get(t.whole) === 0,
    );
    return { ordered: [...terms].sort((a, b) => cost(a) - cost(b)), unknownWhole };
  }

  /**
   * Postings per word (counted up to a cap), remembered for a while: they only choose which term drives a read, an
   * order of magnitude is enough, and common words recur in queries.
   */
  private async frequencies(words: string[]): Promise<Map<string, number>> {
    const now = Date.now();
    const out = new Map<string, number>();
    const missing = words.filter((w) => {
      const known = this.frequencyCache.get(w);
      if (known && now - known.at < FREQUENCY_TTL_MS) out.set(w, known.n);
      return !out.has(w);
    });
    if (missing.length === 0) return out;
    if (this.frequencyCache.size > FREQUENCY_CACHE_SIZE) this.frequencyCache.clear();
    for (const [w, n] of await this.search.frequencies(this.db.db, missing)) {
      this.frequencyCache.set(w, { n, at: now });
      out.set(w, n);
    }
    return out;
  }

  /** The phone or ID number the query holds in clear (to name whose it was, masked), if any. */
  private personalValues(q: string, terms: QueryTerm[]): { phone?: string; idNumber?: string } {
    const out: { phone?: string; idNumber?: string } = {};
    if (!terms.some((t) => t.kind === 'exact' && t.personal)) return out;
    for (const raw of q.normalize('NFKC').split(/\s+/)) {
      const id = normaliseId(raw);
      if (/^1[3-9]\d{9}$/.test(id)) out.phone = id;
      else if (/^\d{17}[\dX]$/.test(id)) out.idNumber = id;
    }
    return out;
  }

  /** A party may search by their own phone number only. */
  private async ownNumbers(
    actor: UserActor,
    personal: { phone?: string; idNumber?: string },
  ): Promise<boolean> {
    if (personal.idNumber) return false;
    if (!personal.phone) return true;
    return (await this.filters.userPhone(this.db.db, actor.id)) === personal.phone;
  }

  /** One audit row per case whose party's (or agent's) phone or ID number the search found: who searched for whose. */
  private async auditPersonal(
    actor: Actor,
    items: SearchItem[],
    personal: { phone?: string; idNumber?: string },
    parties: { disputeId: string; partyId: string; phone: string | null; idNumber: string | null }[],
  ): Promise<void> {
    const found = items.filter((i) => i.matched.includes('phone') || i.matched.includes('idNumber'));
    if (found.length === 0) return;
    const field = personal.phone ? 'phone' : 'idNumber';
    await this.db.transaction((tx) =>
      this.audit.recordMany(
        tx,
        actor,
        found.map((i) => ({
          action: 'case.search.personal_data',
          entityType: 'dispute',
          entityId: i.id,
          data: {
            field,
            partyIds: parties
              .filter(
                (p) =>
                  p.disputeId === i.id &&
                  (personal.phone
                    ? p.phone === personal.phone
                    : p.idNumber?.toUpperCase() === personal.idNumber),
              )
              .map((p) => p.partyId),
          },
        })),
      ),
    );
  }
}
