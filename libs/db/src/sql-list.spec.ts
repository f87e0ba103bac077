import { PgDialect } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { inList, sqlList } from './sql-list';

describe('inList / sqlList', () => {
  it('writes constant words into the SQL text, without parameters', () => {
    expect(inList(['routed', 'in_mediation'])).toBe("('routed', 'in_mediation')");
    const q = new PgDialect().sqlToQuery(sql`select 1 where status in ${sqlList(['routed', 'accepted'])}`);
    expect(q).toEqual({ sql: "select 1 where status in ('routed', 'accepted')", params: [] });
  });

  it.each([[[]], [["x'); drop table disputes; --"]], [['Routed']], [['a b']]])('refuses %j', (words) => {
    expect(() => inList(words)).toThrow('constant lower-case words only');
  });
});
