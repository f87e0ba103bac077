/**
 * EXPLAIN ANALYZE of the search read's statements on a bench database, for one query as the district admin:
 *   npx tsx bench/search/explain.ts postgres://postgres@127.0.0.1:5432/tj_search_100000 '漏水 人民路|人民+路' [budget]
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { CaseSearchRepository, Condition } from '@tiaojie/search';

async function main(): Promise<void> {
  const [url, q, budget] = process.argv.slice(2);
  const client = new Client({ connectionString: url });
  await client.connect();
  const dialect = new PgDialect();
  const executor = {
    execute: async (s: SQL) => {
      const { sql: text, params } = dialect.sqlToQuery(s);
      const plan = await client.query(`explain (analyze, buffers, costs off) ${text}`, params);
      console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'), '\n');
      return client.query(text, params);
    },
  };
  // words separated by spaces (AND); a word's alternatives by `|`, an alternative's terms by `+`
  const [driver, ...others]: Condition[] = q
    .split(/\s+/)
    .map((w) => w.split('|').map((alt) => ({ terms: alt.split('+') })));
  const r = await new CaseSearchRepository().read(executor as never, {
    driver,
    others,
    where: [],
    joinCases: false,
    after: null,
    limit: 21,
    ...(budget ? { budget: Number(budget) } : {}),
  });
  console.log(r.hits.length, 'hits, total', r.total);
  await client.end();
}

void main();
