import { Workbook } from 'exceljs';
import { HttpClient, expectStatus } from './support/http-client';
import { APPLICATION, staff, uniqueRespondent } from './support/factories';
import { TestApp, startTestApp } from './support/test-app';
import { pdfToText, squash } from '../libs/documents/src/pdf-text.testing';

const CHANNEL_LABELS: Record<string, string> = {
  online: '线上申请',
  window: '窗口',
  grid: '网格上报',
  hotline_12345: '12345工单',
  court: '法院委派/委托',
  petition: '信访',
  enterprise: '涉企纠纷',
};
const CHANNELS = Object.keys(CHANNEL_LABELS);

/** Every place that states a figure, read for one year: the dashboard, the series, the report's text, PDF, XLSX and CSV. */
interface Figures {
  total: number;
  court: number;
  byChannel: Record<string, number>;
}

const num = (m: RegExpExecArray | null, what: string) => {
  if (!m) throw new Error(`not found: ${what}`);
  return Number(m[1].replace(/,/g, ''));
};

/** After referrals and registrations of each channel, the dashboard, the report and the series agree. */
describe('one definition per figure (e2e)', () => {
  let t: TestApp;
  let admin: HttpClient;
  let year: number;

  const download = async (path: string) => {
    const res = await fetch(`${t.url}/api${path}`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  const csvRows = async (table: string) =>
    (await download(`/stats/reports/${year}/tables/${table}.csv`))
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));

  /** Reads every statement of the figures and checks that they agree with one another. */
  async function figures(): Promise<Figures> {
    const q = `?from=${year}-01-01&to=${year + 1}-01-01`;
    const summary = (await admin.get(`/stats/summary${q}`)).body;
    const series = (await admin.get(`/stats/series${q}&granularity=month`)).body;
    const report = (await admin.get(`/stats/reports/${year}`)).body;
    const text: string = report.text.join('');

    // dashboard card, monthly bars, report JSON, report text, CSV, XLSX and PDF: 法院委派/委托
    const court = summary.courtReferrals.received;
    expect(series.courtReferrals.reduce((n: number, p: any) => n + p.received, 0)).toBe(court);
    expect(report.courtReferrals).toEqual(summary.courtReferrals);
    expect(num(/法院委派\/委托案件([\d,]+)件/.exec(text), 'court referrals in the text')).toBe(court);
    const summaryCsv = new Map((await csvRows('summary')).map(([k, v]) => [k, v]));
    expect(Number(summaryCsv.get('法院委派/委托（件）'))).toBe(court);
    expect(Number(summaryCsv.get('受理矛盾纠纷（件）'))).toBe(summary.mediation.received);
    const wb = new Workbook();
    await wb.xlsx.load((await download(`/stats/reports/${year}/report.xlsx`)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('主要指标')!;
    const xlsx = new Map<string, unknown>();
    sheet.eachRow((row) => xlsx.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(xlsx.get('法院委派/委托（件）')).toBe(court);
    expect(xlsx.get('受理矛盾纠纷（件）')).toBe(summary.mediation.received);
    const pdf = squash(pdfToText(await download(`/stats/reports/${year}/report.pdf`)));
    expect(pdf).toContain(`法院委派/委托案件${court.toLocaleString('en-US')}件`);

    // the grid and 12345 ledgers: the card, the monthly series, the report and its text
    const ledger = (channel: string) =>
      series.intake
        .filter((p: any) => p.channel === channel)
        .reduce((n: number, p: any) => n + p.received, 0);
    expect(ledger('grid')).toBe(summary.intake.grid.received);
    expect(report.gridReports.received).toBe(summary.intake.grid.received);
    expect(num(/网格员上报信息([\d,]+)条/.exec(text), 'grid reports in the text')).toBe(
      summary.intake.grid.received,
    );
    expect(ledger('hotline_12345')).toBe(summary.intake.workOrders.received);
    expect(report.workOrders.received).toBe(summary.intake.workOrders.received);
    expect(num(/12345热线共受理工单([\d,]+)件/.exec(text), '12345 orders in the text')).toBe(
      summary.intake.workOrders.received,
    );

    // disputes received: the card, the monthly series, the report and its text
    const total = summary.mediation.received;
    expect(series.disputes.reduce((n: number, p: any) => n + p.received, 0)).toBe(total);
    expect(report.mediation.received).toBe(total);
    expect(num(/全年共受理矛盾纠纷([\d,]+)件/.exec(text), 'disputes in the text')).toBe(total);

    // by channel: the dashboard's bars, the report, its text and the mediation table
    const mediationCsv = new Map((await csvRows('mediation')).map((r) => [r[0], Number(r[1])]));
    const byChannel: Record<string, number> = {};
    for (const c of CHANNELS) {
      const n = summary.breakdowns.byChannel[c]?.received ?? 0;
      byChannel[c] = n;
      expect(report.mediation.byChannel[c]?.received ?? 0).toBe(n);
      if (n > 0) {
        expect(text).toContain(`${CHANNEL_LABELS[c]}${n.toLocaleString('en-US')}件`);
        expect(mediationCsv.get(CHANNEL_LABELS[c])).toBe(n);
      }
    }
    expect(byChannel.court).toBe(court);
    return { total, court, byChannel };
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await staff(t, 'admin');
    year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  });
  afterAll(async () => {
    await t.close();
  });

  it('states the same counts everywhere after referrals and registrations of every channel', async () => {
    const before = await figures();

    const party = await new HttpClient(t.url).signInParty('13800000001', (p) => t.sms.lastCode(p));
    expectStatus(await party.post('/cases', { ...APPLICATION, respondents: [uniqueRespondent()] }), 201);
    const register = async (username: string, channel: string, applicant: string) =>
      expectStatus(
        await (
          await staff(t, username)
        ).post('/cases/register', {
          channel,
          category: 'neighbour',
          description: '相邻通道被占用，双方多次争执。',
          streetCode: 'JS',
          // a respondent of its own: the same respondent in the same street would be a probable repeat, held for review
          parties: [
            { role: 'applicant', name: applicant },
            { role: 'respondent', ...uniqueRespondent(`${applicant}邻居`) },
          ],
        }),
        201,
      );
    await register('js_admin', 'window', '甲一');
    await register('admin', 'petition', '乙二');
    await register('grid1', 'grid', '丙三');
    await register('hotline1', 'hotline_12345', '丁四');
    await register('js_mediator', 'enterprise', '戊五');
    const clerk = await staff(t, 'clerk1');
    const refer = async (body: Record<string, unknown>) =>
      expectStatus(
        await clerk.post('/cases/court-referrals', {
          causeOfAction: '买卖合同纠纷',
          category: 'contract',
          referredOn: `${year}-01-05`,
          streetCode: 'JS',
          parties: [
            { role: 'applicant', name: '己六', phone: '13800000091' },
            { role: 'respondent', ...uniqueRespondent('庚七') },
          ],
          ...body,
        }),
        201,
      );
    await refer({ referralType: 'pre_registration', courtCaseNumber: `（${year}）苏0612民诉前调501号` });
    await refer({
      referralType: 'post_registration',
      procedure: 'simple',
      courtCaseNumber: `（${year}）苏0612民初502号`,
    });

    const after = await figures();
    expect(after.court - before.court).toBe(2);
    expect(after.total - before.total).toBe(8);
    for (const c of CHANNELS) expect(after.byChannel[c] - before.byChannel[c]).toBe(c === 'court' ? 2 : 1);
    // the month's bar for court referrals is there
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const series = (
      await admin.get(`/stats/series?from=${year}-01-01&to=${year + 1}-01-01&granularity=month`)
    ).body;
    expect(series.courtReferrals.find((p: any) => p.period === month)?.received).toBeGreaterThanOrEqual(2);
  });
});
