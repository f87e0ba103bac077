import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HttpClient, expectStatus } from './support/http-client';
import { appliedCase, staff } from './support/factories';
import { acceptAndStart, agreeAndSign, fresh } from './support/case-flow';
import { TestApp, startTestApp } from './support/test-app';

/**
 * The full lifecycle of each kind of mediation, the moves between them, sessions and agreements (court referrals:
 * lifecycle-referrals.e2e-spec.ts).
 */
describe('case lifecycle and 三调联动 (e2e)', () => {
  let t: TestApp;
  const code = (p: string) => t.sms.lastCode(p);
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers walk-in, petition, grid and enterprise disputes as the same kind of dispute, with their rules', async () => {
    const jsAdmin = await staff(t, 'js_admin');
    const walkIn = await jsAdmin.post('/cases/register', {
      channel: 'window',
      category: 'neighbour',
      description: '楼道堆放杂物引发争执，来窗口求助。',
      streetCode: 'JS',
      parties: [
        { role: 'applicant', name: '钱七', phone: '13800000021' },
        { role: 'respondent', name: '周八' },
      ],
    });
    expectStatus(walkIn, 201);
    expect(walkIn.body.channel).toBe('window');
    const admin = await staff(t, 'admin');
    const petition = await admin.post('/cases/register', {
      channel: 'petition',
      category: 'land_expropriation',
      description: '征收补偿标准争议，信访件转调解。',
      streetCode: 'JX',
      parties: [
        { role: 'applicant', name: '吴九', phone: '13800000022' },
        { role: 'respondent', name: '金新街道办事处', partyType: 'organization', representative: '街道主任' },
      ],
    });
    expectStatus(petition, 201);
    expect(petition.body.deadlineRegime).toBe('petition');
    expect(petition.body.enterpriseRelated).toBe(true);
    const grid = await staff(t, 'grid1');
    const noConsent = await grid.post('/cases/register', {
      channel: 'grid',
      category: 'family',
      description: '老人赡养纠纷，当事人不会使用手机。',
      streetCode: 'XD',
      assistance: { consent: false, method: 'verbal' },
      parties: [
        { role: 'applicant', name: '郑老伯' },
        { role: 'respondent', name: '郑某' },
      ],
    });
    expectStatus(noConsent, 400);
    const assisted = await grid.post('/cases/register', {
      channel: 'grid',
      category: 'family',
      description: '老人赡养纠纷，当事人不会使用手机。',
      streetCode: 'XD',
      assistance: { consent: true, method: 'fingerprint', note: '当事人按手印确认' },
      parties: [
        { role: 'applicant', name: '郑老伯' },
        { role: 'respondent', name: '郑某' },
      ],
    });
    expectStatus(assisted, 201);
    expect(
      (
        await grid.post('/cases/register', {
          channel: 'window',
          category: 'family',
          description: '网格员不能登记窗口件。',
          streetCode: 'XD',
          parties: [
            { role: 'applicant', name: 'a' },
            { role: 'respondent', name: 'b' },
          ],
        })
      ).status,
    ).toBe(403);
    const noRep = await jsAdmin.post('/cases/register', {
      channel: 'enterprise',
      category: 'contract',
      description: '企业之间货款纠纷。',
      streetCode: 'JS',
      parties: [
        { role: 'applicant', name: '甲公司', partyType: 'organization' },
        { role: 'respondent', name: '乙公司', partyType: 'organization', representative: '李总' },
      ],
    });
    expectStatus(noRep, 400);
  });

  it('lets an agent act for a party, and requires every party to consent before an online session', async () => {
    const { party: applicant, caseId } = await appliedCase(t, '13800000031', {
      category: 'neighbour',
      respondents: [{ name: '冯十', phone: '13800000032' }],
    });
    const jsAdmin = await staff(t, 'js_admin');
    const mediator = await staff(t, 'js_mediator');
    await acceptAndStart(jsAdmin, mediator, caseId);
    const parties = (await fresh(mediator, caseId)).parties;
    const online = {
      scheduledAt: '2026-12-01T09:30:00+08:00',
      online: true,
      mode: 'joint',
      participants: parties.map((p: any) => p.id),
    };
    const refused = await mediator.post(`/cases/${caseId}/sessions`, online);
    expectStatus(refused, 409);
    expect(refused.body.error.details.missing).toHaveLength(2);
    expectStatus(await applicant.post(`/cases/${caseId}/consents/online`), 200);
    const respondent = await new HttpClient(t.url).signInParty('13800000032', code);
    expectStatus(await respondent.post(`/cases/${caseId}/consents/online`), 200);
    const session = await mediator.post(`/cases/${caseId}/sessions`, online);
    expectStatus(session, 201);
    expectStatus(
      await mediator.post(`/cases/${caseId}/sessions/${session.body.id}/record`, {
        record: '调解员：双方陈述事实。申请人：……',
      }),
      200,
    );
    const offline = await mediator.post(`/cases/${caseId}/sessions`, { ...online, online: false });
    expectStatus(offline, 400);
    expect((await respondent.get(`/cases/${caseId}/sessions`)).body.sessions[0].record).toContain('双方陈述');
  });

  it('runs agreement → PDF → joint judicial confirmation → performance → follow-up → closed', async () => {
    const { party: zhang, caseId } = await appliedCase(t, '13800000041', {
      category: 'neighbour',
      applicant: { name: '张三', idNumber: '320612199001011232' },
      respondents: [{ name: '李四', phone: '13800000042' }],
    });
    const jsAdmin = await staff(t, 'js_admin');
    const mediator = await staff(t, 'js_mediator');
    await acceptAndStart(jsAdmin, mediator, caseId);
    const li = await new HttpClient(t.url).signInParty('13800000042', code);
    await agreeAndSign(t, mediator, caseId, [
      [zhang, '13800000041'],
      [li, '13800000042'],
    ]);

    const pdfRes = await fetch(`${t.url}/api/cases/${caseId}/agreement.pdf`, {
      headers: { authorization: `Bearer ${zhang.token}` },
    });
    expect(pdfRes.status).toBe(200);
    expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(os.tmpdir(), `agreement-${caseId}.pdf`);
    fs.writeFileSync(file, Buffer.from(await pdfRes.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('调解协议书');
    expect(text).toContain('张三');
    expect(text).toContain('3206**********1232');
    expect(text).not.toContain('320612199001011232');
    const detail = await fresh(zhang, caseId);
    expect(text.replace(/\s/g, '')).toContain(detail.agreement.contentHash);

    // joint application: one party is not enough
    expectStatus(
      await zhang.post(`/cases/${caseId}/confirmation/apply`, {
        version: (await fresh(zhang, caseId)).version,
      }),
      200,
    );
    expect((await fresh(zhang, caseId)).status).toBe('agreement');
    expectStatus(
      await li.post(`/cases/${caseId}/confirmation/apply`, { version: (await fresh(li, caseId)).version }),
      200,
    );
    expect((await fresh(zhang, caseId)).status).toBe('confirmation_requested');
    const judge = await staff(t, 'judge1');
    expectStatus(
      await judge.post(`/cases/${caseId}/transitions/confirm`, {
        version: (await fresh(judge, caseId)).version,
      }),
      200,
    );

    const perf = await mediator.post(`/cases/${caseId}/performance`, {
      version: (await fresh(mediator, caseId)).version,
      items: [{ description: '支付 3000 元', dueOn: '2026-12-31' }],
    });
    expectStatus(perf, 200);
    expect(perf.body.status).toBe('performing');
    const items = (await mediator.get(`/cases/${caseId}/performance`)).body;
    const done = await mediator.post(`/cases/${caseId}/performance/${items[0].id}`, {
      version: (await fresh(mediator, caseId)).version,
      status: 'done',
    });
    expect(done.body.status).toBe('performed');
    expectStatus(
      await mediator.post(`/cases/${caseId}/follow-up`, {
        version: (await fresh(mediator, caseId)).version,
        rating: '满意',
        note: '电话回访，双方满意',
      }),
      200,
    );
    expectStatus(
      await mediator.post(`/cases/${caseId}/transitions/close`, {
        version: (await fresh(mediator, caseId)).version,
      }),
      200,
    );
    expectStatus(await zhang.post(`/cases/${caseId}/rating`, { rating: '基本满意', comment: '效率高' }), 201);
    // once per party: a second rating is refused and the first one stands
    const again = await zhang.post(`/cases/${caseId}/rating`, { rating: '不满意' });
    expectStatus(again, 409);
    expect(again.body.error.code).toBe('CONFLICT');
    expectStatus(await zhang.post(`/cases/${caseId}/rating`, { rating: '很好' }), 400);
    const status = (await zhang.get(`/cases/${caseId}/status`)).body;
    expect(status.status).toBe('closed');
    expect(status.timeline.map((e: any) => e.action)).toEqual(
      expect.arrayContaining([
        'request_confirmation',
        'confirm',
        'start_performance',
        'record_performed',
        'follow_up',
        'close',
      ]),
    );
  });

  it('refers a failed mediation to the court (诉调对接); the former body keeps a masked summary only', async () => {
    const { party, caseId } = await appliedCase(t, '13800000051', {
      category: 'contract',
      applicant: { name: '王五', idNumber: '320612198503054561' },
    });
    const jsAdmin = await staff(t, 'js_admin');
    const mediator = await staff(t, 'js_mediator');
    await acceptAndStart(jsAdmin, mediator, caseId);
    expectStatus(
      await mediator.post(`/cases/${caseId}/transitions/record_failure`, {
        version: (await fresh(mediator, caseId)).version,
        reason: '双方对金额分歧过大',
      }),
      200,
    );
    const referred = await mediator.post(`/cases/${caseId}/refer-to-court`, {
      version: (await fresh(mediator, caseId)).version,
      reason: '调解不成，引导诉讼',
    });
    expectStatus(referred, 200);
    expect(referred.body.kind).toBe('judicial');
    const judge = await staff(t, 'judge1');
    const former = await fresh(jsAdmin, caseId);
    expect(former.formerHandler).toBe(true);
    expect(former.timeline).toEqual([]);
    expect(former.parties[0].idNumber).toBe('3206**********4561');
    // names are masked like phones and ID numbers, in the parties list and in the title
    const names = (await fresh(judge, caseId)).parties.map((p: any) => p.name);
    expect(names).toEqual(['王五', '李四']);
    expect(former.parties.map((p: any) => p.name)).toEqual(['王*', '李*']);
    expect(former.title).toBe('王*与李*纠纷');
    expect(JSON.stringify(former)).not.toMatch(/王五|李四/);
    expect(
      (await jsAdmin.post(`/cases/${caseId}/transitions/close`, { version: former.version })).status,
    ).toBe(403);
    const atCourt = await fresh(judge, caseId);
    expect(atCourt.availableActions).toContain('accept');
    expect(atCourt.timeline.find((e: any) => e.action === 'refer_to_court').reason).toContain('调解不成');
    expect((await party.get(`/cases/${caseId}/status`)).body.statusLabel).toBe('已分派');
  });

  it('transfers between bodies and kinds, keeping one identity; withdraw, terminate and reopen follow their rules', async () => {
    const { party, caseId } = await appliedCase(t, '13800000061', { category: 'labour' });
    const admin = await staff(t, 'admin');
    const dept = (await admin.get('/registry/bodies')).body.find((b: any) => b.code === 'ADM-HRSS');
    const labour = await staff(t, 'labour_mediator');
    const moved = await labour.post(`/cases/${caseId}/transfer`, {
      version: (await fresh(labour, caseId)).version,
      targetBodyId: dept.id,
      reason: '涉及欠薪，移交劳动保障监察',
    });
    expectStatus(moved, 200);
    expect(moved.body.kind).toBe('administrative');
    expect(moved.body.number).toBe((await fresh(party, caseId)).number);
    const official = await staff(t, 'official1');
    expectStatus(
      await official.post(`/cases/${caseId}/accept`, { version: (await fresh(official, caseId)).version }),
      200,
    );
    expectStatus(
      await party.post(`/cases/${caseId}/transitions/withdraw`, {
        version: (await fresh(party, caseId)).version,
        reason: '已与单位和解',
      }),
      200,
    );
    expect(
      (
        await official.post(`/cases/${caseId}/transitions/reopen`, {
          version: (await fresh(official, caseId)).version,
          reason: 'x',
        })
      ).status,
    ).toBe(403);
    expectStatus(
      await official.post(`/cases/${caseId}/transitions/close`, {
        version: (await fresh(official, caseId)).version,
      }),
      200,
    );
    const noReason = await admin.post(`/cases/${caseId}/transitions/reopen`, {
      version: (await fresh(admin, caseId)).version,
    });
    expectStatus(noReason, 400);
    const reopened = await admin.post(`/cases/${caseId}/transitions/reopen`, {
      version: (await fresh(admin, caseId)).version,
      reason: '单位未按和解支付',
    });
    expectStatus(reopened, 200);
    expect(reopened.body.status).toBe('in_mediation');
  });

  it('answers every illegal transition with 409, the current state and what is allowed', async () => {
    const { party, caseId } = await appliedCase(t, '13800000071', { category: 'neighbour' });
    const jsAdmin = await staff(t, 'js_admin');
    for (const action of ['start_mediation', 'close', 'terminate', 'record_failure', 'confirm'] as const) {
      const client = action === 'confirm' ? await staff(t, 'judge1') : jsAdmin;
      const r = await client.post(`/cases/${caseId}/transitions/${action}`, {
        version: (await fresh(jsAdmin, caseId)).version,
        reason: 'x',
      });
      expect([403, 404, 409]).toContain(r.status);
      if (r.status === 409) {
        expect(r.body.error.code).toBe('ILLEGAL_TRANSITION');
        expect(r.body.error.details.currentStatus).toBe('routed');
      }
    }
    const signEarly = await party.post(`/cases/${caseId}/agreement/sign`, {
      version: (await fresh(party, caseId)).version,
      code: '123456',
    });
    expectStatus(signEarly, 409);
    expect(signEarly.body.error.details.allowedActions).toEqual(['withdraw']);
  });

  it('gives exactly one winner when mediators accept the same case at the same moment', async () => {
    const { caseId } = await appliedCase(t, '13800000081', { category: 'neighbour' });
    const contenders = await Promise.all(['js_admin', 'js_mediator', 'js_mediator2'].map((u) => staff(t, u)));
    const version = (await fresh(contenders[0], caseId)).version;
    const results = await Promise.all(contenders.map((c) => c.post(`/cases/${caseId}/accept`, { version })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    for (const r of results.filter((x) => x.status === 409))
      expect(r.body.error.code).toBe('VERSION_CONFLICT');
    const after = await fresh(contenders[0], caseId);
    expect(after.version).toBe(version + 1);
    expect(after.timeline.filter((e: any) => e.action === 'accept')).toHaveLength(1);
  });
});
