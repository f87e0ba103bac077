import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { FixedClock, Role } from '@tiaojie/core';
import { QUEUE_OPEN_STATUSES, createTestDatabase, resultRows, schema, sqlList } from '@tiaojie/db';
import { CaseRepository } from './case.repository';
import { CaseQueueRepository } from './case-queue.repository';
import { CaseQueryService } from './case-query.service';
import { CaseSigningRepository } from './case-signing.repository';

/** The prepared reads every application makes before its one write, against a real database. */
describe('CaseRepository (prepared application reads)', () => {
  let ctx: Awaited<ReturnType<typeof createTestDatabase>>;
  const repo = new CaseRepository();
  const queues = new CaseQueueRepository();
  const tag = randomUUID().slice(0, 8);
  let party: string;

  beforeAll(async () => {
    ctx = await createTestDatabase();
    const users = await ctx.db.db
      .insert(schema.users)
      .values([
        { username: `p-${tag}`, displayName: '甲', role: 'party', phone: '13700000001' },
        { username: `q-${tag}`, displayName: '乙', role: 'party', phone: '13700000002' },
        { username: `m-${tag}`, displayName: '调解员', role: 'mediator', phone: '13700000003' },
      ])
      .returning();
    party = users[0].id;
  });
  afterAll(async () => {
    await ctx.dispose();
  });

  it('maps phones to party accounts only, each phone once', async () => {
    const map = await repo.partyUsersByPhone(ctx.db.db, [
      '13700000001',
      '13700000003',
      '13700000001',
      '13799999999',
    ]);
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

  describe("a body's open queue", () => {
    let body: string;
    let other: string;
    const at = (min: number) => new Date(Date.UTC(2026, 10, 27, 0, min));
    beforeAll(async () => {
      [body, other] = (
        await ctx.db.db
          .insert(schema.organizations)
          .values([
            { code: `Q-A-${tag}`, name: '甲', kind: 'peoples', level: 'street' },
            { code: `Q-B-${tag}`, name: '乙', kind: 'peoples', level: 'street' },
          ])
          .returning()
      ).map((o) => o.id);
      const rows = [
        { title: 'due-late', status: 'in_mediation', bodyId: body, dueAt: at(300), createdAt: at(1) },
        { title: 'due-soon', status: 'accepted', bodyId: body, dueAt: at(100), createdAt: at(2) },
        { title: 'closed', status: 'closed', bodyId: body, dueAt: at(50), createdAt: at(3) },
        { title: 'no-due-old', status: 'routed', bodyId: body, dueAt: null, createdAt: at(4) },
        { title: 'no-due-new', status: 'returned', bodyId: body, dueAt: null, createdAt: at(5) },
        { title: 'elsewhere', status: 'routed', bodyId: other, dueAt: at(10), createdAt: at(6) },
      ];
      await ctx.db.db.insert(schema.disputes).values(
        rows.map((r) => ({
          ...r,
          number: `TZ2026-Q${randomUUID().slice(0, 8)}`,
          category: 'neighbour',
          kind: 'peoples',
          channel: 'online',
          description: 'd',
        })),
      );
    });

    it('lists the open cases of the body, soonest due first, then newest, up to the limit; the same as the general read', async () => {
      const open = await queues.rows(ctx.db.db, 'openForBody', { org: body, limit: 100 });
      expect(open.map((r) => r.title)).toEqual(['due-soon', 'due-late', 'no-due-new', 'no-due-old']);
      expect(
        (
          await queues.rows(ctx.db.db, 'forBody', { org: body, statuses: QUEUE_OPEN_STATUSES, limit: 100 })
        ).map((r) => r.id),
      ).toEqual(open.map((r) => r.id));
      expect(
        (await queues.rows(ctx.db.db, 'openForBody', { org: body, limit: 2 })).map((r) => r.title),
      ).toEqual(['due-soon', 'due-late']);
      expect(await queues.rows(ctx.db.db, 'openForBody', { org: randomUUID(), limit: 10 })).toEqual([]);
    });

    it("lists the district's open cases newest first, the same as the general read, and from its partial index", async () => {
      const open = await queues.rows(ctx.db.db, 'openForDistrict', { limit: 1000 });
      expect(open.map((r) => r.id)).toEqual(
        (await queues.rows(ctx.db.db, 'forDistrict', { statuses: QUEUE_OPEN_STATUSES, limit: 1000 })).map(
          (r) => r.id,
        ),
      );
      expect(open.map((r) => r.title)).toEqual(expect.arrayContaining(['due-late', 'elsewhere']));
      expect(open.some((r) => r.title === 'closed')).toBe(false);
      expect(open.map((r) => r.createdAt.getTime())).toEqual(
        [...open.map((r) => r.createdAt.getTime())].sort((a, b) => b - a),
      );
      const plan = await ctx.db.transaction(async (tx) => {
        for (const s of ['enable_seqscan', 'enable_sort', 'enable_bitmapscan'])
          await tx.execute(sql.raw(`set local ${s} = off`));
        const q = new PgDialect().sqlToQuery(
          sql`select id from disputes where status in ${sqlList(QUEUE_OPEN_STATUSES)} order by created_at desc limit 100`,
        );
        return resultRows<Record<string, string>>(await tx.execute(sql.raw(`explain ${q.sql}`)))
          .map((r) => Object.values(r)[0])
          .join('\n');
      });
      expect(plan).toContain('disputes_open_queue_idx');
      expect(plan).not.toMatch(/\bSort\b/);
    });

    it('gives every queue read as JSON text equal, item for item, to what the service makes of its rows', async () => {
      const labelled = {
        title: 'labelled',
        status: 'no_such_status',
        bodyId: body,
        dueAt: at(10 * 24 * 60),
        createdAt: at(8),
        category: 'no_such_category',
        deadlineRegime: "it's",
        enterpriseRelated: true,
      };
      await ctx.db.db.insert(schema.disputes).values([
        {
          ...labelled,
          number: `TZ2026-Q${randomUUID().slice(0, 8)}`,
          kind: 'peoples',
          channel: 'online',
          description: 'd',
        },
      ]);
      const query = new CaseQueryService(
        new CaseSigningRepository(),
        { db: ctx.db.db } as any,
        repo,
        queues,
        {} as any,
        {} as any,
        new FixedClock(at(90)),
        {} as any,
        {} as any,
      );
      const staff = (role: Role, orgId: string | null) => ({ id: randomUUID(), role, orgId, name: 's' });
      const cases = [
        [staff(Role.BodyAdmin, body), true],
        [staff(Role.Mediator, body), false],
        [staff(Role.Official, other), true],
        [staff(Role.DistrictAdmin, null), true],
        [staff(Role.DistrictAdmin, null), false],
      ] as const;
      for (const [actor, open] of cases) {
        for (const limit of [100, 2]) {
          const items = JSON.parse((await query.queueJson(actor, { open, limit }))!);
          expect(items).toEqual(JSON.parse(JSON.stringify(await query.queue(actor, { open, limit }))));
          expect(items.length).toBeGreaterThan(0);
        }
      }
      const all = JSON.parse((await query.queueJson(staff(Role.BodyAdmin, body), { open: false }))!);
      expect(new Set(all.map((i: { urgency: string }) => i.urgency))).toEqual(
        new Set(['overdue', 'due_soon', 'ok', 'none']),
      );
      expect(all.find((i: { title: string }) => i.title === 'labelled')).toMatchObject({
        categoryLabel: 'no_such_category',
        statusLabel: 'no_such_status',
        deadlineRegime: "it's",
      });
      expect(all.find((i: { title: string }) => i.title === 'due-soon')).toMatchObject({
        categoryLabel: '邻里纠纷',
        statusLabel: '已签收',
        createdAt: at(2).toISOString(),
      });
      expect(await query.queueJson(staff(Role.CourtClerk, body), { open: true })).toBeNull();
      expect(await queues.json(ctx.db.db, 'openForBody', { org: randomUUID(), limit: 10 }, at(0))).toBe('[]');
    });

    it('can be answered from the partial index in queue order (no sort): the status list in the query matches the index', async () => {
      const q = new PgDialect().sqlToQuery(
        sql`select id from disputes where body_id = ${body}::uuid and status in ${sqlList(QUEUE_OPEN_STATUSES)} order by due_at asc, created_at desc limit 100`,
      );
      const plan = await ctx.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        await tx.execute(sql`set local enable_sort = off`);
        await tx.execute(sql`set local enable_bitmapscan = off`);
        return resultRows<Record<string, string>>(
          await tx.execute(sql.raw(`explain ${q.sql.replace('$1', `'${body}'`)}`)),
        )
          .map((r) => Object.values(r)[0])
          .join('\n');
      });
      expect(plan).toContain('disputes_body_open_queue_idx');
      expect(plan).not.toMatch(/\bSort\b/);
    });
  });
});
