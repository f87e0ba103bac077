import { DocumentInputError, UnsupportedCharactersError } from './documents.errors';
import { pdfToText, squash } from './pdf-text.testing';
import { renderReportPdf } from './report.renderer';
import type { ReportPdfInput } from './report.types';

const paragraphs = [
  '2024年，全区坚持和发展新时代“枫桥经验”，网格员上报矛盾纠纷42,800余件，办结率100%。',
  '12345热线受理工单15,355件，按期答复率100%，满意率96%以上。',
];

function report(rows: number): ReportPdfInput {
  return {
    title: '2024年度矛盾纠纷多元化解工作统计报告',
    subtitle: '城东区社会治理综合服务中心',
    paragraphs,
    tables: [
      {
        title: '表1 工单来源',
        columns: ['来源', '工单数', '办结率'],
        rows: [
          ['省市网', 3166, '100%'],
          ['海心安', 1339, '100%'],
          ['本市级', 10850, '100%'],
        ],
      },
      {
        title: '表2 各街道纠纷明细',
        columns: ['序号', '街道', '纠纷类型', '受理', '办结', '备注'],
        rows: Array.from({ length: rows }, (_, i) => [
          i + 1,
          `第${i + 1}街道`,
          '邻里纠纷',
          100 + i,
          100 + i,
          i === 3 ? null : '按期',
        ]),
      },
    ],
  };
}

describe('renderReportPdf', () => {
  it('contains the title, subtitle, paragraphs and table cells', async () => {
    const text = squash(pdfToText(await renderReportPdf(report(5))));
    expect(text).toContain('2024年度矛盾纠纷多元化解工作统计报告');
    expect(text).toContain('城东区社会治理综合服务中心');
    for (const p of paragraphs) expect(text).toContain(squash(p));
    expect(text).toContain('表1工单来源');
    expect(text).toContain('本市级10,850100%');
    expect(text).toContain('第5街道');
  });

  it('draws headed sections after the tables, each with its text and tables, in order', async () => {
    const input: ReportPdfInput = {
      ...report(2),
      sections: [
        {
          heading: '第一次调解会议',
          paragraphs: ['调解员笔录：双方同意先行维修。'],
          tables: [{ title: '参加人员', columns: ['姓名', '身份'], rows: [['吴一', '申请人']] }],
        },
        { heading: '调解协议', paragraphs: ['一、甲方支付维修费用。'], tables: [] },
      ],
    };
    const text = squash(pdfToText(await renderReportPdf(input)));
    const order = ['表2各街道纠纷明细', '第一次调解会议', '双方同意先行维修', '吴一', '调解协议', '甲方支付'];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    await expect(
      renderReportPdf({ ...input, sections: [{ heading: ' ', paragraphs: [], tables: [] }] }),
    ).rejects.toThrow(DocumentInputError);
  });

  it('breaks long tables across pages and repeats the header row', async () => {
    const raw = pdfToText(await renderReportPdf(report(120)), ['-layout']);
    const pages = raw.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.slice(1).forEach((page, i) => {
      expect(squash(page)).toContain('序号街道纠纷类型受理办结备注');
      expect(squash(page)).toContain(`第${i + 2}页共${pages.length}页`);
    });
    expect(squash(raw)).toContain('第120街道');
    const rowsSeen = (squash(raw).match(/第\d+街道/g) ?? []).length;
    expect(rowsSeen).toBe(120);
  });

  it('renders an empty table as such', async () => {
    const text = squash(
      pdfToText(
        await renderReportPdf({
          title: '空表',
          paragraphs: [],
          tables: [{ title: '表', columns: ['甲'], rows: [] }],
        }),
      ),
    );
    expect(text).toContain('（无数据）');
  });

  it('rejects ragged rows, non-finite numbers and undrawable text', async () => {
    const base = report(1);
    const ragged = { ...base, tables: [{ title: 't', columns: ['a', 'b'], rows: [['x']] }] };
    await expect(renderReportPdf(ragged)).rejects.toMatchObject({ field: 'tables[0].rows[0]' });
    const nan = { ...base, tables: [{ title: 't', columns: ['a'], rows: [[Number.NaN]] }] };
    await expect(renderReportPdf(nan)).rejects.toThrow(DocumentInputError);
    await expect(renderReportPdf({ ...base, paragraphs: ['\u{20000}'] })).rejects.toThrow(
      UnsupportedCharactersError,
    );
  });
});
