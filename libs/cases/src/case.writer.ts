import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@tiaojie/core';
import { shanghaiYear } from '@tiaojie/business-time';
import type { Executor } from '@tiaojie/db';
import { CaseSearchIndexService } from '@tiaojie/search';
import { CaseBulkRepository } from './case-bulk.repository';
import {
  newCaseDocument,
  newDisputeValues,
  newPartyValues,
  receiveTransition,
  type NewCase,
  type NewCaseParty,
} from './new-case';

/**
 * A case of a bulk write: no due date, so CaseDeadlineService.onCaseWritten (a received case without one) would
 * schedule nothing, and no agents; the import's intake ids go to the search index with it.
 */
export type BulkCase = Omit<NewCase, 'id' | 'number' | 'dueAt' | 'deadlineRegime' | 'parties'> & {
  parties: Omit<NewCaseParty, 'agent'>[];
  intakeIds: string[];
};

/** New disputes in bulk mode (the import): the rows, defaults and search postings of the one-at-a-time path. */
@Injectable()
export class CaseWriter {
  constructor(
    private readonly bulk: CaseBulkRepository,
    private readonly searchIndex: CaseSearchIndexService,
  ) {}

  /**
   * Writes the disputes, their parties, their 'receive' rows and their search postings in the caller's transaction;
   * numbers are drawn in order of `cases` from the year each was received. Returns ids and numbers in that order.
   */
  async createMany(tx: Executor, actor: Actor, cases: BulkCase[]): Promise<{ id: string; number: string }[]> {
    if (cases.length === 0) return [];
    const numbers = await this.bulk.nextNumbers(
      tx,
      cases.map((c) => shanghaiYear(c.createdAt)),
    );
    const full: NewCase[] = cases.map((c, i) => ({ ...c, id: randomUUID(), number: numbers[i] }));
    await this.bulk.insertDisputes(tx, full.map(newDisputeValues));
    await this.bulk.insertParties(tx, full.flatMap(newPartyValues));
    await this.bulk.insertTransitions(
      tx,
      full.map((c) => receiveTransition(c, actor)),
    );
    await this.searchIndex.indexNew(
      tx,
      full.map((c, i) => ({
        id: c.id,
        receivedAt: c.createdAt,
        doc: newCaseDocument(c, cases[i].intakeIds),
      })),
    );
    return full.map((c) => ({ id: c.id, number: c.number }));
  }
}
