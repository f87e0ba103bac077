import { AuditService } from '@tiaojie/audit';
import { Actor, DomainError, ErrorCode, FixedClock, Role } from '@tiaojie/core';
import { shanghaiWallClockToInstant } from '@tiaojie/business-time';
import { NotificationService } from '@tiaojie/notifications';
import { DeadlineAdjustmentService } from './deadline-adjustment.service';
import { DeadlineDigestService, DIGEST_BODY_JOB, DIGEST_TICK_JOB } from './deadline-digest.service';
import { calendarTestContext, seedBody, seedDispute } from './calendar.testing';

const sh = (text: string): Date => shanghaiWallClockToInstant(text)!;
const mediator: Actor = { id: null, role: Role.Mediator, orgId: null, name: '调解员' };

async function domainError(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(err)}`);
  return err;
}

describe('DeadlineAdjustmentService (extensions and pauses, stored and audited)', () => {
  const clock = new FixedClock(sh('2026-03-10 10:00'));
  let t: Awaited<ReturnType<typeof calendarTestContext>>;
  let adjustments: DeadlineAdjustmentService;
  const referral = { start: sh('2026-03-02 09:00') };

  beforeAll(async () => {
    t = await calendarTestContext(clock);
    adjustments = t.app.get(DeadlineAdjustmentService);
  });
  afterAll(async () => {
    await t.close();
  });

  it('extends 委派 once with the court consenting; a second extension is a 409 and nothing is stored for it', async () => {
    const d = await seedDispute(t.db);
    const denied = await domainError(
      t.db.transaction((tx) =>
        adjustments.record(
          tx,
          mediator,
          d.id,
          'court_pre_registration',
          { kind: 'extension', days: 30 },
          referral,
        ),
      ),
    );
    expect([denied.code, denied.details?.rule]).toEqual([
      ErrorCode.VALIDATION_FAILED,
      'EXTENSION_CONSENT_REQUIRED',
    ]);
    const ok = await t.db.transaction((tx) =>
      adjustments.record(
        tx,
        mediator,
        d.id,
        'court_pre_registration',
        { kind: 'extension', days: 30, consentBy: ['court'], reason: '当事人申请' },
        referral,
      ),
    );
    expect(ok.deadline.result.dueDate).toBe('2026-05-06'); // 05-01 is Labour Day: the first working day after
    expect(ok.adjustment).toMatchObject({
      kind: 'extension',
      days: 30,
      consentBy: ['court'],
      actorRole: 'mediator',
    });
    const again = await domainError(
      t.db.transaction((tx) =>
        adjustments.record(
          tx,
          mediator,
          d.id,
          'court_pre_registration',
          { kind: 'extension', days: 1, consentBy: ['court'] },
          referral,
        ),
      ),
    );
    expect([again.code, again.details?.rule]).toEqual([ErrorCode.CONFLICT, 'TOO_MANY_EXTENSIONS']);
    expect(await adjustments.history(t.db.db, d.id, 'court_pre_registration')).toHaveLength(1);
    expect(
      (await t.app.get(AuditService).forEntity('dispute', d.id)).map((a) => [
        a.action,
        (a.data as any).dueAt,
      ]),
    ).toEqual([['deadline.extension', '2026-05-06T15:59:59.000Z']]);
  });

  it('needs every party for 委托, a reason told to the petitioner for petitions, and staff to ask', async () => {
    const d = await seedDispute(t.db);
    const parties = { start: sh('2026-03-08 09:00'), parties: ['p-1', 'p-2'] }; // 委托 (simple): due 03-15
    const missing = await domainError(
      t.db.transaction((tx) =>
        adjustments.record(
          tx,
          mediator,
          d.id,
          'court_post_registration_simple',
          { kind: 'extension', days: 30, consentBy: ['p-1'] },
          parties,
        ),
      ),
    );
    expect(missing.details?.rule).toBe('EXTENSION_CONSENT_REQUIRED');
    const both = await t.db.transaction((tx) =>
      adjustments.record(
        tx,
        mediator,
        d.id,
        'court_post_registration_simple',
        { kind: 'extension', days: 30, consentBy: ['p-1', 'p-2'] },
        parties,
      ),
    );
    expect(both.deadline.result.dueDate).toBe('2026-04-14');
    const p = await seedDispute(t.db);
    const noReason = await domainError(
      t.db.transaction((tx) =>
        adjustments.record(tx, mediator, p.id, 'petition', { kind: 'extension', days: 30 }, referral),
      ),
    );
    expect(noReason.details?.rule).toBe('EXTENSION_REASON_REQUIRED');
    const petition = await t.db.transaction((tx) =>
      adjustments.record(
        tx,
        mediator,
        p.id,
        'petition',
        { kind: 'extension', days: 30, reason: '涉及多部门' },
        referral,
      ),
    );
    expect(petition.tellReasonTo).toBe('petitioner');
    const party: Actor = { id: null, role: Role.Party, orgId: null, name: '当事人' };
    expect(
      (
        await domainError(
          t.db.transaction((tx) =>
            adjustments.record(tx, party, p.id, 'petition', { kind: 'pause', reason: 'x' }, referral),
          ),
        )
      ).code,
    ).toBe(ErrorCode.FORBIDDEN);
  });

  it('pauses and resumes on the frozen clock: the stood-still days move the deadline', async () => {
    const d = await seedDispute(t.db);
    const accepted = { start: sh('2026-03-01 09:00') };
    clock.set(sh('2026-03-10 10:00'));
    const paused = await t.db.transaction((tx) =>
      adjustments.record(
        tx,
        mediator,
        d.id,
        'peoples_mediation',
        { kind: 'pause', reason: '伤情鉴定' },
        accepted,
      ),
    );
    expect(paused.deadline.paused).toBe(true);
    clock.set(sh('2026-03-25 16:00'));
    const resumed = await t.db.transaction((tx) =>
      adjustments.record(tx, mediator, d.id, 'peoples_mediation', { kind: 'resume' }, accepted),
    );
    expect(resumed.adjustment.days).toBe(15);
    expect(resumed.deadline.result.dueDate).toBe('2026-04-15'); // 03-31 + 15
    expect((await adjustments.current(t.db.db, d.id, 'peoples_mediation', accepted)).result.dueDate).toBe(
      '2026-04-15',
    );
    expect(
      (
        await domainError(
          t.db.transaction((tx) =>
            adjustments.record(tx, mediator, d.id, 'peoples_mediation', { kind: 'resume' }, accepted),
          ),
        )
      ).details?.rule,
    ).toBe('NOT_PAUSED');
    clock.set(sh('2026-03-10 10:00'));
  });

  it('serialises concurrent extensions of one case: exactly one is granted', async () => {
    const d = await seedDispute(t.db);
    const ask = () =>
      t.db.transaction((tx) =>
        adjustments.record(
          tx,
          mediator,
          d.id,
          'court_pre_registration',
          { kind: 'extension', days: 10, consentBy: ['court'] },
          referral,
        ),
      );
    const results = await Promise.allSettled([ask(), ask(), ask()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .map((r) => (r as PromiseRejectedResult).reason.details?.rule),
    ).toEqual(['TOO_MANY_EXTENSIONS', 'TOO_MANY_EXTENSIONS']);
    expect(await adjustments.history(t.db.db, d.id, 'court_pre_registration')).toHaveLength(1);
  });
});

describe('DeadlineDigestService (daily digest per body)', () => {
  const clock = new FixedClock(sh('2026-03-17 08:00'));
  let t: Awaited<ReturnType<typeof calendarTestContext>>;

  beforeAll(async () => {
    t = await calendarTestContext(clock);
  });
  afterAll(async () => {
    await t.close();
  });

  it('fans out per body, reschedules itself, and tells the body admin once about overdue and due-soon cases', async () => {
    const digest = t.app.get(DeadlineDigestService);
    const a = await seedBody(t.db, ['body_admin', 'mediator']);
    const quiet = await seedBody(t.db, ['body_admin']);
    await seedDispute(t.db, { bodyId: a.bodyId, dueAt: sh('2026-03-16 23:59:59'), title: '已超期的案件' });
    await seedDispute(t.db, { bodyId: a.bodyId, dueAt: sh('2026-03-19 23:59:59'), title: '两天后到期' });
    await seedDispute(t.db, { bodyId: a.bodyId, dueAt: sh('2026-03-30 23:59:59'), title: '远期案件' });
    await seedDispute(t.db, {
      bodyId: a.bodyId,
      dueAt: sh('2026-03-18 23:59:59'),
      status: 'closed',
      title: '已结案',
    });
    await seedDispute(t.db, { bodyId: quiet.bodyId, dueAt: sh('2026-04-30 23:59:59') });

    expect(await digest.handleTick({ date: '2026-03-17' })).toBe(1);
    expect(t.queue.sent.map((s) => [s.name, s.data, s.opts.singletonKey])).toEqual([
      [DIGEST_BODY_JOB, { bodyId: a.bodyId, date: '2026-03-17' }, `${a.bodyId}:2026-03-17`],
      [DIGEST_TICK_JOB, { date: '2026-03-18' }, 'tick:2026-03-18'],
    ]);
    expect(t.queue.sent[1].opts.startAfter?.toISOString()).toBe(sh('2026-03-18 08:00').toISOString());

    expect(await digest.handleBody({ bodyId: a.bodyId, date: '2026-03-17' })).toBe(true);
    expect(await digest.handleBody({ bodyId: a.bodyId, date: '2026-03-17' })).toBe(false);
    expect(await digest.handleBody({ bodyId: quiet.bodyId, date: '2026-03-17' })).toBe(false);
    const inbox = await t.app
      .get(NotificationService)
      .inbox({ id: a.users.body_admin, role: Role.BodyAdmin, orgId: a.bodyId, name: 'x' });
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0].title).toBe('期限日报（2026-03-17）：已超期 1 件，3 日内到期 1 件');
    expect(inbox.items[0].body).toContain('已超期的案件');
    expect(inbox.items[0].body).toContain('两天后到期');
    expect(inbox.items[0].body).not.toContain('远期案件');
    expect(inbox.items[0].body).not.toContain('已结案');
    const mediatorInbox = await t.app
      .get(NotificationService)
      .inbox({ id: a.users.mediator, role: Role.Mediator, orgId: a.bodyId, name: 'y' });
    expect(mediatorInbox.items).toHaveLength(0);
  });
});
