import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { sql } from 'drizzle-orm';
import { CoreModule, FixedClock, Role, SystemActor, loadConfig } from '@tiaojie/core';
import { DbModule, createTestDatabase } from '@tiaojie/db';
import { AuditModule } from './audit.module';
import { AuditService } from './audit.service';

describe('AuditService hash chain (integration)', () => {
  let ctx: Awaited<ReturnType<typeof createTestDatabase>>;
  let audit: AuditService;
  let app: INestApplicationContext;
  const actor: SystemActor = { id: null, role: Role.System, orgId: null, name: 'test' };

  beforeEach(async () => {
    ctx = await createTestDatabase();
    @Module({
      imports: [
        CoreModule.forRoot(
          loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32) }),
          new FixedClock(new Date('2026-01-01T00:00:00Z')),
        ),
        DbModule.forRoot(ctx.db),
        AuditModule,
      ],
    })
    class TestModule {}
    app = await NestFactory.createApplicationContext(TestModule, { logger: false });
    audit = app.get(AuditService);
    for (let i = 1; i <= 5; i++)
      await ctx.db.transaction((tx) =>
        audit.record(tx, actor, {
          action: 'test.step',
          entityType: 'test',
          entityId: String(i),
          data: { i },
        }),
      );
    await ctx.db.transaction((tx) =>
      audit.recordMany(
        tx,
        actor,
        [6, 7, 8].map((i) => ({ action: 'test.bulk', entityType: 'test', entityId: String(i) })),
      ),
    );
    await audit.seal({ wait: true });
  });
  afterEach(async () => {
    await app.close();
    await ctx.dispose();
  });

  const exec = (q: string) => ctx.db.db.execute(sql.raw(q));

  it('verifies an untouched chain', async () => {
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 8 });
  });

  it('seals rows appended by concurrent transactions into one chain, and the sealer runs by itself after an append', async () => {
    await Promise.all(
      [9, 10, 11, 12].map((i) =>
        ctx.db.transaction((tx) =>
          audit.record(tx, actor, { action: 'test.concurrent', entityType: 'test', entityId: String(i) }),
        ),
      ),
    );
    // a rolled-back append leaves nothing to seal
    await ctx.db
      .transaction(async (tx) => {
        await audit.record(tx, actor, { action: 'test.rolled_back', entityType: 'test', entityId: 'x' });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const deadline = Date.now() + 10_000;
    let unsealed = -1;
    while (Date.now() < deadline) {
      unsealed = Number(
        ((await exec(`select count(*)::int as n from audit_log where hash is null`)) as any).rows[0].n,
      );
      if (unsealed === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(unsealed).toBe(0);
    const chain = ((await exec(`select seq, entity_id from audit_log order by seq`)) as any).rows as {
      seq: number;
      entity_id: string;
    }[];
    expect(chain.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(
      chain
        .map((r) => r.entity_id)
        .slice(8)
        .sort(),
    ).toEqual(['10', '11', '12', '9']);
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 12 });
  });

  it('seals a row that committed below the chain head on the next full pass, not on a pass over new rows', async () => {
    // a row whose id is above the sequence's next value stands in for a transaction that took a higher id and
    // committed first; the next append then takes a lower id than the chain head's
    await exec(
      `insert into audit_log (id, at, actor_role, action, entity_type, entity_id) values (1000, now(), 'system', 'test.high', 'test', 'high')`,
    );
    expect(await audit.seal({ newOnly: true })).toBe(1);
    await ctx.db.transaction((tx) =>
      audit.record(tx, actor, { action: 'test.late', entityType: 'test', entityId: 'late' }),
    );
    expect(await audit.seal({ newOnly: true })).toBe(0);
    expect(await audit.seal()).toBe(1);
    const chain = ((await exec(`select seq, entity_id from audit_log where seq > 8 order by seq`)) as any)
      .rows as { seq: number; entity_id: string }[];
    expect(chain.map((r) => [Number(r.seq), r.entity_id])).toEqual([
      [9, 'high'],
      [10, 'late'],
    ]);
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 10 });
  });

  it('detects an edited row', async () => {
    await exec(`update audit_log set data = '{"i": 99}' where entity_id = '3'`);
    const r = await audit.verify();
    expect(r.ok).toBe(false);
    expect(r.problem).toContain('edited');
  });

  it('detects a deleted row in the middle', async () => {
    await exec(`delete from audit_log where entity_id = '2'`);
    const r = await audit.verify();
    expect(r.ok).toBe(false);
    expect(r.problem).toContain('previous hash');
  });

  it('detects a row whose chain position was changed', async () => {
    await exec(`update audit_log set seq = 100 where entity_id = '8'`);
    const r = await audit.verify();
    expect(r.ok).toBe(false);
    expect(r.problem).toContain('edited');
  });

  it('detects the newest rows cut off the end', async () => {
    await exec(`delete from audit_log where entity_id in ('7', '8')`);
    const r = await audit.verify();
    expect(r.ok).toBe(false);
    expect(r.problem).toContain('newest rows are missing');
  });
});
