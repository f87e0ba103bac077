import { normalizeAgreement, type NormalizedAgreement } from './agreement.model';
import { hashNormalizedAgreement } from './agreement.hash';
import type {
  AgreementAgent,
  AgreementInput,
  AgreementParty,
  AgreementRenderOptions,
  SigningMethod,
} from './agreement.types';
import { assertFontCovers } from './font.coverage';
import { loadCjkFont } from './font.loader';
import { maskIdNumber, maskPhone } from '@tiaojie/personal-data';
import { contentWidth, createPdf, ensureSpace, stampFooters } from './pdf.document';
import { documentDate, documentDateTime } from './document-date.formatter';

const BODY_SIZE = 12;
const LINE_GAP = 6;
const INDENT = BODY_SIZE * 2;

const ROLE_LABEL = { applicant: '申请人', respondent: '被申请人' } as const;
const SEX_LABEL = { male: '男', female: '女' } as const;
const AGENT_LABEL = { entrusted: '委托代理人', statutory: '法定代理人' } as const;
export const SIGNING_METHOD_LABEL: Record<SigningMethod, string> = {
  handwritten: '手写签名',
  electronic: '电子签名',
  fingerprint: '按指印',
  seal: '盖章',
};

/** 一, 二, … 十, 十一, … 九十九 */
export function chineseNumeral(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return d[n];
  const tens = Math.floor(n / 10);
  return (tens === 1 ? '' : d[tens]) + '十' + (n % 10 ? d[n % 10] : '');
}

interface SignatureLine {
  party: string;
  record: string;
}

/** Every printed string, computed (and masked) before drawing so it can be checked against the font. */
interface AgreementView {
  bodyName: string;
  number: string;
  /** 法院案号 line of a court-referred case, or null. */
  courtCaseNumber: string | null;
  parties: string[];
  facts: string[];
  termsIntro: string;
  terms: string[];
  performance: string[];
  closing: string;
  signatures: SignatureLine[];
  mediators: string;
  seal: string;
  date: string;
  hash: string;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function agentLine(agent: AgreementAgent, mask: boolean): string {
  const parts = [`${AGENT_LABEL[agent.kind]}：${agent.name}${agent.relation ? `（${agent.relation}）` : ''}`];
  if (agent.idNumber) parts.push(`身份证号码：${mask ? maskIdNumber(agent.idNumber) : agent.idNumber}`);
  if (agent.phone) parts.push(`联系电话：${mask ? maskPhone(agent.phone) : agent.phone}`);
  return parts.join('，');
}

function partyLines(p: AgreementParty, mask: boolean): string[] {
  const phone = p.phone ? `联系电话：${mask ? maskPhone(p.phone) : p.phone}` : undefined;
  const parts =
    p.kind === 'organisation'
      ? [
          `${ROLE_LABEL[p.role]}：${p.name}`,
          p.idNumber && `统一社会信用代码：${p.idNumber}`,
          p.legalRepresentative && `法定代表人：${p.legalRepresentative}`,
          phone,
          p.address && `住所：${p.address}`,
        ]
      : [
          `${ROLE_LABEL[p.role]}：${p.name}`,
          p.sex && SEX_LABEL[p.sex],
          p.idNumber && `身份证号码：${mask ? maskIdNumber(p.idNumber) : p.idNumber}`,
          phone,
          p.address && `住址：${p.address}`,
        ];
  const lines = [parts.filter(Boolean).join('，') + '。'];
  if (p.agent) lines.push(agentLine(p.agent, mask) + '。');
  return lines;
}

function buildView(a: NormalizedAgreement, mask: boolean): AgreementView {
  const all = a.parties.length === 2 ? '双方' : '各方';
  return {
    bodyName: a.body.name,
    number: `编号：${a.number}`,
    courtCaseNumber: a.courtCaseNumber ? `法院案号：${a.courtCaseNumber}` : null,
    parties: a.parties.flatMap((p) => partyLines(p, mask)),
    facts: paragraphs(a.facts),
    termsIntro: `经调解，${all}当事人自愿达成如下协议：`,
    terms: a.terms.map((t, i) => `${chineseNumeral(i + 1)}、${t}`),
    performance: paragraphs(a.performance),
    closing:
      `本协议一式${a.copies}份，当事人、人民调解委员会各持一份。` +
      `本协议经${all}当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章后生效。`,
    signatures: a.parties.map((p) => {
      const s = a.signatures.find((x) => x.partyId === p.id);
      const party = `${ROLE_LABEL[p.role]}（签名）：${p.name}`;
      if (!s) return { party, record: '（尚未签署）' };
      const by = s.signedBy && s.signedBy !== p.name ? `，由${s.signedBy}代为签署` : '';
      return {
        party,
        record: `签署时间：${documentDateTime(s.signedAt, 'signatures.signedAt')}\u3000签署方式：${SIGNING_METHOD_LABEL[s.method]}${by}`,
      };
    }),
    mediators: `人民调解员（签名）：${a.mediators.join('、')}`,
    seal: `（${a.body.sealText ?? a.body.name}印）`,
    date: documentDate(a.date, 'date'),
    hash: a.signedContentHash ?? hashNormalizedAgreement(a),
  };
}

function checkGlyphs(view: AgreementView, font: Buffer): void {
  const fields: [string, string[]][] = [
    ['body.name', [view.bodyName, view.seal]],
    ['number', [view.number]],
    ['courtCaseNumber', view.courtCaseNumber ? [view.courtCaseNumber] : []],
    ['parties', view.parties],
    ['facts', view.facts],
    ['terms', view.terms],
    ['performance', view.performance],
    ['signatures', view.signatures.flatMap((s) => [s.party, s.record])],
    ['mediators', [view.mediators]],
  ];
  for (const [field, texts] of fields) assertFontCovers(texts.join('\n'), field, font);
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.moveDown(0.6);
  doc.fontSize(BODY_SIZE).lineWidth(0.35).text(text, { lineGap: LINE_GAP, stroke: true, fill: true });
}

function body(doc: PDFKit.PDFDocument, texts: string[], indent = INDENT): void {
  for (const t of texts) doc.fontSize(BODY_SIZE).text(t, { lineGap: LINE_GAP, indent, align: 'justify' });
}

function drawSignatures(doc: PDFKit.PDFDocument, view: AgreementView): void {
  const width = contentWidth(doc);
  const line = doc.fontSize(BODY_SIZE).currentLineHeight(true) + LINE_GAP;
  ensureSpace(doc, line * (view.signatures.length * 2 + 6));
  doc.moveDown(1.5);
  for (const s of view.signatures) {
    doc.fontSize(BODY_SIZE).text(s.party, { lineGap: LINE_GAP / 2 });
    doc
      .fontSize(BODY_SIZE - 2)
      .fillColor('#333333')
      .text(s.record, { indent: INDENT, lineGap: LINE_GAP });
    doc.fillColor('black').moveDown(0.4);
  }
  doc.fontSize(BODY_SIZE).text(view.mediators, { lineGap: LINE_GAP });
  doc.moveDown(1.2);
  const x = doc.page.margins.left;
  doc.text(view.seal, x, doc.y, { width, align: 'right', lineGap: LINE_GAP });
  doc.text(view.date, x, doc.y, { width, align: 'right', lineGap: LINE_GAP });
}

/**
 * Renders a 人民调解协议书 as PDF. ID and phone numbers are masked unless
 * `options.maskPersonalData === false`. Every page's footer carries the signed-content SHA-256.
 * Throws DocumentInputError for invalid input and UnsupportedCharactersError for text the font cannot draw.
 */
export async function renderAgreementPdf(
  input: AgreementInput,
  options: AgreementRenderOptions = {},
): Promise<Buffer> {
  const agreement = normalizeAgreement(input);
  const font = options.font ?? loadCjkFont();
  const view = buildView(agreement, options.maskPersonalData !== false);
  checkGlyphs(view, font);

  const { doc, finish } = createPdf({
    title: `人民调解协议书 ${agreement.number}`,
    subject: '人民调解协议书',
    author: agreement.body.name,
    font,
  });
  const width = contentWidth(doc);
  const x = doc.page.margins.left;
  doc.fontSize(15).text(view.bodyName, { align: 'center' });
  doc.moveDown(0.3);
  doc.fontSize(22).text('人民调解协议书', { align: 'center' });
  doc.moveDown(0.6);
  doc.fontSize(BODY_SIZE).text(view.number, x, doc.y, { width, align: 'right' });
  if (view.courtCaseNumber) doc.text(view.courtCaseNumber, x, doc.y, { width, align: 'right' });
  doc.moveDown(0.8);
  body(doc, view.parties, 0);
  heading(doc, '纠纷主要事实、争议事项：');
  body(doc, view.facts);
  heading(doc, view.termsIntro);
  body(doc, view.terms);
  heading(doc, '履行方式、时限：');
  body(doc, view.performance);
  doc.moveDown(0.6);
  body(doc, [view.closing]);
  drawSignatures(doc, view);

  stampFooters(doc, (page, pages) => ({
    left: `签署内容 SHA-256：${view.hash}`,
    right: `第 ${page} 页 共 ${pages} 页`,
  }));
  return finish();
}
