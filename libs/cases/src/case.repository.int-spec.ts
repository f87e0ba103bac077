import { randomUUID } from 'node:crypto';
import { createTestDatabase, schema } from '@tiaojie/db';
import { CaseRepository } from './case.repository';

/** The prepared reads every application makes before its one write, against a real database. */
describe('CaseRepository (prepared application reads)', () => {
  let ctx: Awaited<ReturnType<typeof createTestDatabase>>;
  const repo = new CaseRepository();
  const tag = randomUUID().slice(0, 8);
  let party: string;

  beforeAll(async () => {
    ctx = await createTestDatabase();
    const users = await ctx.db.db.insert(schema.users).values([
      { username: `p-${tag}`, displayName: '甲', role: 'party', phone: '13700000001' },
      { username: `q-${tag}`, displayName: '乙', role: 'party', phone: '13700000002' },
      { username: `m-${tag}`, displayName: '调解员', role: 'mediator', phone: '13700000003' },
    ]).returning();
    party = users[0].id;
  });
  afterAll(async () => { await ctx.dispose(); });

  it('maps phones to party accounts only, each phone once', async () => {
    const map = await repo.partyUsersByPhone(ctx.db.db, ['13700000001', '13700000003', '13700000001', '13799999999']);
    expect([...map.keys()]).toEqual(['13700000001']);
    expect(map.get('13700000001')).toBe(party);
    expect((await repo.partyUsersByPhone(ctx.db.db, ['13700000002', '13700000001'])).size).toBe(2);
    expect((await repo.partyUsersByPhone(ctx.db.db, [])).size).toBe(0);
  });

  it("reads an account's phone, and null for an unknown account", async () => {
    expect(await repo.userPhone(ctx.db.db, party)).toBe('13700000001');
    expect(await repo.userPhone(ctx.db.db, randomUUID())).toBeNull();
  });

  it('draws increasing dispute numbers in the TZ<year>-NNNNNN form', async () => {
    const a = await repo.nextNumber(ctx.db.db, 2026);
    const b = await repo.nextNumber(ctx.db.db, 2026);
    expect(a).toMatch(/^TZ2026-\d{6,}$/);
    expect(Number(b.slice(7))).toBeGreaterThan(Number(a.slice(7)));
  });
});
