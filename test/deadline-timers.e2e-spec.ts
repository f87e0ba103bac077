import { HttpClient, expectStatus } from './support/http-client';
import { appliedCase, staff, uniqueRespondent } from './support/factories';
import { WorkdayCalendar, CaseDeadlineService } from '@tiaojie/deadlines';
import { endOfBusinessDay, shanghaiInstant } from '@tiaojie/business-time';
import { acceptAndStart, agreeAndSign, fresh } from './support/case-flow';
import { TestApp, startTestApp } from './support/test-app';

/** Parties nobody else uses: a repeated dispute would go to the district's queue instead of the street committee. */
function parties() {
  const a = uniqueRespondent('赵六');
  const b = uniqueRespondent('钱七');
  return [
    { role: 'applicant', ...a },
    { role: 'respondent', ...b },
  ];
}
const DAY = 86_400_000;

/** Today's business date in Asia/Shanghai, as a court writes 委派日期. */
function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Every deadline that exists has its timers from the moment it is set: after each step that sets a deadline the
 * pg-boss jobs of the case are read back from pgboss.job (reminders 3 and 1 days before while still ahead, the
 * overdue notice and the escalation).
 */
describe('deadline timers after every deadline-setting step (e2e)', () => {
  let t: TestApp;
  let clerk: HttpClient;
  let jsAdmin: HttpClient;
  let mediator: HttpClient;
  let seq = 0;

  /** The case's mediation-limit timers as `queue:kind@dueAt`, sorted (the confirmation window's carry their clock). */
  const timers = async (id: string): Promise<string[]> => {
    const rows = (
      await t.db.raw(t.db.db).query(
        `select name, data->>'dueAt' as due, coalesce(data->>'offsetDays', data->>'level') as k
             from pgboss.job where name like 'deadline.%' and data->>'disputeId' = $1
              and data->>'clock' is null`,
        [id],
      )
    ).rows as { name: string; due: string; k: string }[];
    return rows.map((r) => `${r.name}:${r.k}@${r.due}`).sort();
  };
  /** A reminder whose 09:00 (Asia/Shanghai) has passed is not scheduled (a short N working days from today). */
  const isPast = (key: string): boolean => {
    const m = /^deadline\.remind:(\d+)@(.+)$/.exec(key);
    if (!m) return false;
    const day = new Date(new Date(m[2]).getTime() + 8 * 3_600_000 - Number(m[1]) * DAY)
      .toISOString()
      .slice(0, 10);
    return shanghaiInstant(day, 9).getTime() < Date.now();
  };
  const overdueOnly = (due: string) => [`deadline.overdue:1@${due}`, `deadline.overdue:2@${due}`];
  const full = (due: string) =>
    [...overdueOnly(due), `deadline.remind:1@${due}`, `deadline.remind:3@${due}`].sort();

  const refer = async (extra: Record<string, unknown>) => {
    seq += 1;
    const r = await clerk.post('/cases/court-referrals', {
      courtCaseNumber: `（2026）苏0612民诉前调${900 + seq}号`,
      causeOfAction: '买卖合同纠纷',
      category: 'contract',
      streetCode: 'JS',
      parties: parties(),
      ...extra,
    });
    expectStatus(r, 201);
    return r.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    clerk = await staff(t, 'clerk1');
    jsAdmin = await staff(t, 'js_admin');
    mediator = await staff(t, 'js_mediator2');
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['委派', { referralType: 'pre_registration' }, 'court_pre_registration', 30],
    [
      '委托（普通程序）',
      { referralType: 'post_registration', procedure: 'ordinary' },
      'court_post_registration_ordinary',
      15,
    ],
    [
      '委托（简易程序）',
      { referralType: 'post_registration', procedure: 'simple' },
      'court_post_registration_simple',
      7,
    ],
  ])('a court referral (%s) has its timers at creation', async (_label, type, regime, days) => {
    const body = await refer({ ...type, referredOn: shanghaiToday() });
    expect(body.deadlineRegime).toBe(regime);
    const due = new Date(body.dueAt).getTime();
    expect(due).toBeGreaterThan(Date.now() + (days - 1) * DAY);
    expect(await timers(body.id)).toEqual(full(body.dueAt));
  });

  it('writes a referral and its timers in one transaction: a refused duplicate leaves no timer', async () => {
    const before = (
      await t.db.raw(t.db.db).query(`select count(*)::int as n from pgboss.job where name like 'deadline.%'`)
    ).rows[0].n;
    const dup = await clerk.post('/cases/court-referrals', {
      referralType: 'pre_registration',
      courtCaseNumber: '（2026）苏0612民诉前调901号',
      causeOfAction: '买卖合同纠纷',
      category: 'contract',
      streetCode: 'JS',
      referredOn: shanghaiToday(),
      parties: parties(),
    });
    expectStatus(dup, 409);
    const after = (
      await t.db.raw(t.db.db).query(`select count(*)::int as n from pgboss.job where name like 'deadline.%'`)
    ).rows[0].n;
    expect(after).toBe(before);
  });

  it('an already overdue 委派 has its overdue timers at creation and again when accepted', async () => {
    const body = await refer({ referralType: 'pre_registration', referredOn: '2026-01-20' });
    // 2026-01-20 + 30 = 02-19, inside the Spring Festival: the period ends on Tue 02-24
    expect(body.dueAt).toBe('2026-02-24T15:59:59.000Z');
    expect(await timers(body.id)).toEqual(overdueOnly(body.dueAt));
    // a case written before its timers existed: acceptance starts them
    await t.db.raw(t.db.db).query(
      `delete from pgboss.job where name like 'deadline.%' and data->>'disputeId' = $1
              and data->>'clock' is null`,
      [body.id],
    );
    expect(await timers(body.id)).toEqual([]);
    expectStatus(
      await jsAdmin.post(`/cases/${body.id}/accept`, { version: (await fresh(jsAdmin, body.id)).version }),
      200,
    );
    expect((await fresh(jsAdmin, body.id)).dueAt).toBe(body.dueAt);
    expect(await timers(body.id)).toEqual(overdueOnly(body.dueAt));
  });

  it('an extension with the court’s consent schedules the timers of the new due date', async () => {
    const body = await refer({ referralType: 'pre_registration', referredOn: shanghaiToday() });
    await acceptAndStart(jsAdmin, mediator, body.id);
    const extended = await mediator.post(`/cases/${body.id}/extend`, {
      version: (await fresh(mediator, body.id)).version,
      days: 20,
      reason: '需补充证据',
      consentBy: ['court'],
    });
    expectStatus(extended, 200);
    expect(extended.body.dueAt).not.toBe(body.dueAt);
    expect(await timers(body.id)).toEqual([...full(body.dueAt), ...full(extended.body.dueAt)].sort());
  });

  it('a returned referral keeps its period and its timers', async () => {
    const body = await refer({ referralType: 'pre_registration', referredOn: shanghaiToday() });
    const returned = await jsAdmin.post(`/cases/${body.id}/return`, {
      version: (await fresh(jsAdmin, body.id)).version,
      reasonCode: 'OVER_CAPACITY',
      reason: '本月案件过多',
    });
    expectStatus(returned, 200);
    expect(returned.body.dueAt).toBe(body.dueAt);
    expect(await timers(body.id)).toEqual(full(body.dueAt));
  });

  it("people's mediation: no timer before acceptance, its 30 days' timers from acceptance", async () => {
    const { caseId } = await appliedCase(t);
    expect(await timers(caseId)).toEqual([]);
    const accepted = await jsAdmin.post(`/cases/${caseId}/accept`, {
      version: (await fresh(jsAdmin, caseId)).version,
    });
    expectStatus(accepted, 200);
    expect(accepted.body.deadlineRegime).toBe('peoples_mediation');
    expect(new Date(accepted.body.dueAt).getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
    expect(await timers(caseId)).toEqual(full(accepted.body.dueAt));
  });

  it('a petition has its 60 days’ timers at registration', async () => {
    const admin = await staff(t, 'admin');
    const r = await admin.post('/cases/register', {
      channel: 'petition',
      category: 'land_expropriation',
      description: '征收补偿标准争议，信访件转调解。',
      streetCode: 'JX',
      parties: [
        { role: 'applicant', ...uniqueRespondent('吴九') },
        { role: 'respondent', name: '金新街道办事处', partyType: 'organization', representative: '王主任' },
      ],
    });
    expectStatus(r, 201);
    expect(r.body.deadlineRegime).toBe('petition');
    expect(new Date(r.body.dueAt).getTime()).toBeGreaterThan(Date.now() + 59 * DAY);
    expect(await timers(r.body.id)).toEqual(full(r.body.dueAt));
  });

  it('a 12345 order: its N working days and their timers from sign-off, and again after an extension', async () => {
    const hotline = await staff(t, 'hotline1');
    const registered = await hotline.post('/cases/register', {
      channel: 'hotline_12345',
      category: 'neighbour',
      description: '来电反映邻居在楼道堆放杂物，协商未果。',
      streetCode: 'JS',
      replyDays: 5,
      parties: parties(),
    });
    expectStatus(registered, 201);
    expect(registered.body.deadlineRegime).toBe('work_order_reply');
    expect(registered.body.dueAt).toBeNull();
    expect(await timers(registered.body.id)).toEqual([]);
    const id = registered.body.id;
    const accepted = await jsAdmin.post(`/cases/${id}/accept`, {
      version: (await fresh(jsAdmin, id)).version,
    });
    expectStatus(accepted, 200);
    // 23:59:59 Asia/Shanghai of the 5th working day after the sign-off day (holidays and 调休 from the calendar)
    const fifth = WorkdayCalendar.builtIn().addWorkingDays(shanghaiToday(), 5);
    expect(accepted.body.dueAt).toBe(endOfBusinessDay(fifth).toISOString());
    expect(await timers(id)).toEqual(full(accepted.body.dueAt).filter((k) => !isPast(k)));
    const me = (await mediator.get('/auth/me')).body.id;
    expectStatus(
      await jsAdmin.post(`/cases/${id}/assign`, {
        version: (await fresh(jsAdmin, id)).version,
        mediatorId: me,
      }),
      200,
    );
    const extended = await mediator.post(`/cases/${id}/extend`, {
      version: (await fresh(mediator, id)).version,
      days: 3,
      reason: '需现场核实',
    });
    expectStatus(extended, 200);
    expect(extended.body.dueAt).toBe(
      endOfBusinessDay(WorkdayCalendar.builtIn().addWorkingDays(shanghaiToday(), 8)).toISOString(),
    );
    expect(await timers(id)).toEqual(
      [...full(accepted.body.dueAt), ...full(extended.body.dueAt)].filter((k) => !isPast(k)).sort(),
    );
    const refused = await hotline.post('/cases/register', {
      channel: 'hotline_12345',
      category: 'neighbour',
      description: '来电反映邻居在楼道堆放杂物，协商未果。',
      streetCode: 'JS',
      replyDays: 0,
      parties: parties(),
    });
    expectStatus(refused, 400);
    const wrongChannel = await jsAdmin.post('/cases/register', {
      channel: 'window',
      category: 'neighbour',
      description: '楼道堆放杂物引发争执，来窗口求助。',
      streetCode: 'JS',
      replyDays: 5,
      parties: parties(),
    });
    expectStatus(wrongChannel, 400);
    expect(wrongChannel.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('an agreement taking effect opens the judicial-confirmation window with its own timers, which remind the parties', async () => {
    const respondentPhone = uniqueRespondent().phone;
    const { party, caseId } = await appliedCase(t, '13800000034', {
      respondents: [{ name: '孙某', phone: respondentPhone }],
    });
    await acceptAndStart(jsAdmin, mediator, caseId);
    const mediationDue = (await fresh(jsAdmin, caseId)).dueAt;
    const respondent = await new HttpClient(t.url).signInParty(respondentPhone, (p) => t.sms.lastCode(p));
    await agreeAndSign(t, mediator, caseId, [
      [party, '13800000034'],
      [respondent, respondentPhone],
    ]);
    const status = (await party.get(`/cases/${caseId}/status`)).body;
    expect(status.status).toBe('agreement');
    const windowDue: string = status.judicialConfirmation.dueAt;
    expect(new Date(windowDue).getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
    const rows = (
      await t.db.raw(t.db.db).query(
        `select name, data->>'dueAt' as due, coalesce(data->>'offsetDays', data->>'level') as k
             from pgboss.job where data->>'disputeId' = $1 and data->>'clock' = 'judicial_confirmation'`,
        [caseId],
      )
    ).rows as { name: string; due: string; k: string }[];
    expect(rows.map((r) => `${r.name}:${r.k}@${r.due}`).sort()).toEqual([
      `deadline.overdue:1@${windowDue}`,
      `deadline.remind:1@${windowDue}`,
      `deadline.remind:3@${windowDue}`,
    ]);
    // the mediation limit's own timers are still those set at acceptance
    expect(await timers(caseId)).toEqual(full(mediationDue));

    // a reminder firing: both parties and the mediator are told, once
    const deadlines = t.api.app.get(CaseDeadlineService);
    const job = {
      disputeId: caseId,
      dueAt: windowDue,
      offsetDays: 3,
      clock: 'judicial_confirmation' as const,
    };
    expect(await deadlines.handleReminder(job)).toBe(true);
    expect(await deadlines.handleReminder(job)).toBe(false);
    const told = (
      await t.db
        .raw(t.db.db)
        .query(
          `select user_id, body from notifications where dispute_id = $1 and kind = 'deadline.confirmation_reminder'`,
          [caseId],
        )
    ).rows as { user_id: string; body: string }[];
    const ids = await Promise.all(
      [party, respondent, mediator].map(async (c) => (await c.get('/auth/me')).body.id),
    );
    expect(told.map((n) => n.user_id).sort()).toEqual([...ids].sort());
    expect(told[0].body).toContain('共同提出申请');
    // a stale window (another due date) tells nobody
    expect(await deadlines.handleReminder({ ...job, offsetDays: 1, dueAt: '2026-01-05T15:59:59.000Z' })).toBe(
      false,
    );
  });
});
