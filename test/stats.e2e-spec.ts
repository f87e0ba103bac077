import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpClient, expectStatus } from './support/http-client';
import { TestApp, startTestApp } from './support/test-app';

const SAMPLE = join(__dirname, '..', 'libs', 'intake-parsers', 'fixtures', 'sample-2024');
const key = JSON.parse(readFileSync(join(SAMPLE, 'answer_key.json'), 'utf8'));
const YEAR = '?from=2024-01-01&to=2025-01-01';

/** The sample uploaded over HTTP, then the dashboard, the annual report documents and early warning. */
describe('statistics over HTTP (e2e)', () => {
  let t: TestApp;
  let admin: HttpClient;

  async function get(
    client: HttpClient,
    path: string,
  ): Promise<{ status: number; type: string | null; bytes: Buffer; fileName: string | null }> {
    const res = await fetch(`${t.url}/api${path}`, { headers: { authorization: `Bearer ${client.token}` } });
    const utf8Name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      fileName: utf8Name ? decodeURIComponent(utf8Name) : null,
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await new HttpClient(t.url).signInStaff('admin');
    for (const f of ['grid_reports.csv', 'work_orders_12345.csv', 'court_referrals.xlsx']) {
      const form = new FormData();
      form.append('file', new Blob([readFileSync(join(SAMPLE, f))]), f);
      const res = await fetch(`${t.url}/api/intake/imports`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${admin.token}` },
      });
      expect(res.status).toBe(200);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('the annual report states the answer key and reads like the district report', async () => {
    const r = await admin.get('/stats/reports/2024');
    expectStatus(r, 200);
    const e = key.expected;
    expect(r.body.gridReports).toMatchObject({
      received: e.gridReports.received,
      closed: e.gridReports.closed,
    });
    expect(r.body.workOrders).toMatchObject({
      received: e.workOrders.received,
      bySource: e.workOrders.bySource,
      onTimeReplyRate: e.workOrders.onTimeReplyRate,
      satisfactionRate: e.workOrders.satisfactionRate,
    });
    expect(r.body.courtReferrals.received).toBe(e.courtReferrals.received);
    expect(r.body.text[0]).toContain(`全年共受理网格员上报信息${e.gridReports.received}条，办结率93.43%`);
    expect(r.body.text[0]).toContain('12345热线共受理工单485件，其中省市网117件、海心安38件、本市级330件');
    expect(r.body.text[0]).toContain('按期答复率93.61%，满意率97.53%');
  });

  it('downloads the report as XLSX and PDF, and the CSV behind each table', async () => {
    const xlsx = await get(admin, '/stats/reports/2024/report.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toContain('spreadsheetml');
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    // saved under the report's Chinese title (RFC 5987 filename*), not an English name
    expect(xlsx.fileName).toBe('2024年度矛盾纠纷多元化解工作统计.xlsx');
    const pdf = await get(admin, '/stats/reports/2024/report.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.fileName).toBe('2024年度矛盾纠纷多元化解工作统计.pdf');
    const csv = await get(admin, '/stats/reports/2024/tables/sources.csv');
    expect(csv.status).toBe(200);
    expect(csv.fileName).toBe('2024年度矛盾纠纷多元化解工作统计-12345热线工单按来源.csv');
    const lines = csv.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('来源,受理,办结,办结率,答复,按期答复,按期答复率,已评价,满意,满意率');
    expect(lines[1]).toMatch(/^省市网,117,/);
    expect((await get(admin, '/stats/reports/2024/tables/nope.csv')).status).toBe(400);
    expect((await get(admin, '/stats/reports/20x4')).status).toBe(400);
  });

  it('dashboard: summary and monthly series for the district', async () => {
    const s = await admin.get(`/stats/summary${YEAR}`);
    expectStatus(s, 200);
    expect(s.body.intake.workOrders).toMatchObject({ received: 485, rated: 405, satisfied: 395 });
    expect(s.body.mediation.received).toBe(104 + 83 + 59 - key.crossChannelDuplicates.length);
    expect(s.body.breakdowns.byKind.judicial.received).toBe(59);
    const bySource = await admin.get(`/stats/summary${YEAR}&source=${encodeURIComponent('海心安')}`);
    expect(bySource.body.intake.workOrders.received).toBe(38);
    const series = await admin.get(`/stats/series${YEAR}&granularity=month`);
    expectStatus(series, 200);
    const months = new Set(series.body.intake.map((p: { period: string }) => p.period));
    expect(months.size).toBe(12);
    const orders = series.body.intake
      .filter((p: { channel: string }) => p.channel === 'hotline_12345')
      .reduce((n: number, p: { received: number }) => n + p.received, 0);
    expect(orders).toBe(485);
  });

  it('a body admin sees only their own body; others are refused; bad periods are 400', async () => {
    const body = await new HttpClient(t.url).signInStaff('js_admin');
    const s = await body.get(`/stats/summary${YEAR}`);
    expectStatus(s, 200);
    expect(s.body.intake).toBeNull();
    expect(s.body.mediation.scope.dim).toBe('body');
    expect((await body.get('/stats/reports/2024')).status).toBe(403);
    const mediator = await new HttpClient(t.url).signInStaff('js_mediator');
    expect((await mediator.get(`/stats/summary${YEAR}`)).status).toBe(403);
    expect((await admin.get('/stats/summary?from=2024-01-01')).status).toBe(400);
    expect((await admin.get('/stats/summary?from=2025-01-01&to=2024-01-01')).status).toBe(400);
  });

  it('early warning flags carry their reason and link their disputes', async () => {
    const w = await admin.get('/stats/warnings?asOf=2024-12-31&windowDays=366');
    expectStatus(w, 200);
    const types = new Set(w.body.flags.map((f: { type: string }) => f.type));
    expect(types.has('many_people')).toBe(true);
    for (const f of w.body.flags) {
      expect(f.reason.length).toBeGreaterThan(5);
      expect(f.disputeIds.length).toBeGreaterThan(0);
      expect(f.disputes.length).toBeGreaterThan(0);
    }
    const many = w.body.flags.find((f: { type: string }) => f.type === 'many_people');
    expect(many.reason).toMatch(/涉及人数\d+人/);
    // no phone number anywhere (ids are taken out first: a random UUID can hold 11 phone-like digits)
    expect(
      JSON.stringify(w.body).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>'),
    ).not.toMatch(/1[3-9]\d{9}/);
  });
});
