import { maskIdNumber, maskPhone } from '@tiaojie/personal-data';
import { sampleAgreement } from './agreement.fixture';
import { agreementContentHash } from './agreement.hash';
import { AGREEMENT_FACTS_MAX_CHARS, agreementFacts } from './agreement-facts';
import { chineseNumeral, renderAgreementPdf } from './agreement.renderer';
import { DocumentInputError, UnsupportedCharactersError } from './documents.errors';
import { pdfFonts, pdfToText, squash } from './pdf-text.testing';

describe('renderAgreementPdf', () => {
  let text: string;
  let flat: string;
  let pdf: Buffer;

  beforeAll(async () => {
    pdf = await renderAgreementPdf(sampleAgreement());
    text = pdfToText(pdf);
    flat = squash(text);
  });

  it('produces a PDF that embeds the CJK font subset with a ToUnicode map', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfFonts(pdf)).toMatch(/\+WenQuanYiMicroHei\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('has the body, the Chinese title and the number', () => {
    expect(flat).toContain('海安市城东镇人民调解委员会');
    expect(flat).toContain('人民调解协议书');
    expect(flat).toContain('编号：（2024）城东调字第0012号');
  });

  it('lists the parties with masked ID and phone numbers, never the full ones', () => {
    expect(flat).toContain('申请人：张晓梅，女，身份证号码：3206**********1234，联系电话：138****5678');
    expect(flat).toContain('被申请人：李建国，男，身份证号码：3206**********561X');
    expect(flat).toContain('住址：江苏省海安市城东镇曙光新村12幢302室');
    expect(flat).toContain('委托代理人：李明（之子），联系电话：150****1111');
    for (const secret of [
      '320621199001011234',
      '32062119850615561X',
      '13812345678',
      '13987654321',
      '15000001111',
    ]) {
      expect(flat).not.toContain(secret);
    }
  });

  it('has the facts, the numbered terms, the performance and the closing sentence', () => {
    const a = sampleAgreement();
    expect(flat).toContain(`纠纷主要事实、争议事项：${squash(a.facts)}`);
    expect(flat).toContain('经调解，双方当事人自愿达成如下协议：');
    a.terms.forEach((term, i) => expect(flat).toContain(`${chineseNumeral(i + 1)}、${squash(term)}`));
    expect(flat).toContain(`履行方式、时限：${squash(a.performance)}`);
    expect(flat).toContain('本协议一式3份，当事人、人民调解委员会各持一份。');
    expect(flat).toContain('签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章后生效。');
  });

  it('prints each signature record in Asia/Shanghai time, the mediator, the seal text and the date', () => {
    expect(flat).toContain('申请人（签名）：张晓梅签署时间：2024年3月1日14:05签署方式：电子签名');
    expect(flat).toContain(
      '被申请人（签名）：李建国签署时间：2024年3月1日14:12签署方式：手写签名，由李明代为签署',
    );
    expect(flat).toContain('人民调解员（签名）：王志刚');
    expect(flat).toContain('（海安市城东镇人民调解委员会印）2024年3月1日');
  });

  it('prints the content hash in the footer when no signed hash is given', () => {
    expect(flat).toContain(`签署内容SHA-256：${agreementContentHash(sampleAgreement())}`);
    expect(flat).toContain('第1页共1页');
  });

  it('prints the given signed-content hash and marks unsigned parties', async () => {
    const hash = 'ab'.repeat(32);
    const out = squash(
      pdfToText(
        await renderAgreementPdf(sampleAgreement({ signedContentHash: hash.toUpperCase(), signatures: [] })),
      ),
    );
    expect(out).toContain(`签署内容SHA-256：${hash}`);
    expect(out).toContain('申请人（签名）：张晓梅（尚未签署）');
  });

  it('prints full personal data only when masking is turned off', async () => {
    const out = squash(pdfToText(await renderAgreementPdf(sampleAgreement(), { maskPersonalData: false })));
    expect(out).toContain('身份证号码：320621199001011234');
    expect(out).toContain('联系电话：13812345678');
    expect(out).not.toContain('3206**********1234');
  });

  it('masks a landline and a short document number exactly as the api does', async () => {
    const a = sampleAgreement();
    const landline = { ...a.parties[1], phone: '0513-88886666', idNumber: 'E12345678' };
    const out = squash(
      pdfToText(await renderAgreementPdf({ ...a, parties: [a.parties[0], landline], signatures: [] })),
    );
    expect(maskPhone('0513-88886666')).toBe('051******6666');
    expect(out).toContain(`身份证号码：${maskIdNumber('E12345678')}`);
    expect(out).toContain(`联系电话：${maskPhone('0513-88886666')}`);
    expect(out).not.toContain('88886666');
  });

  it('renders organisation parties with their credit code and legal representative', async () => {
    const a = sampleAgreement();
    const company = {
      id: 'p-9',
      role: 'respondent' as const,
      kind: 'organisation' as const,
      name: '海安市安居物业服务有限公司',
      idNumber: '91320621MA1XXXXX0Q',
      legalRepresentative: '周伟',
      address: '海安市城东镇长江路8号',
    };
    const out = squash(
      pdfToText(await renderAgreementPdf({ ...a, parties: [a.parties[0], company], signatures: [] })),
    );
    expect(out).toContain(
      '被申请人：海安市安居物业服务有限公司，统一社会信用代码：91320621MA1XXXXX0Q，法定代表人：周伟，住所：海安市城东镇长江路8号',
    );
  });

  it('continues on further pages with the footer on every page', async () => {
    const a = sampleAgreement();
    const terms = Array.from(
      { length: 40 },
      (_, i) => `第${i + 1}项约定：被申请人于2024年4月${(i % 28) + 1}日前完成相应整改并书面告知申请人。`,
    );
    const raw = pdfToText(await renderAgreementPdf({ ...a, terms }));
    const pages = raw.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    const hash = agreementContentHash({ ...a, terms });
    pages.forEach((page, i) => {
      expect(squash(page)).toContain(`签署内容SHA-256：${hash}`);
      expect(squash(page)).toContain(`第${i + 1}页共${pages.length}页`);
    });
    expect(squash(raw)).toContain(`四十、${squash(terms[39])}`);
  });

  it('states a 5,000-character account as a summary of the facts: the agreement stays within two pages', async () => {
    const a = sampleAgreement();
    const sentence = '楼上住户长期在夜间制造噪音，申请人多次上门沟通并向物业反映，问题仍未解决。';
    const facts = sentence.repeat(Math.ceil(5000 / sentence.length)).slice(0, 5000);
    const raw = pdfToText(await renderAgreementPdf({ ...a, facts }));
    const pages = raw.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeLessThanOrEqual(2);
    const flat = squash(raw);
    expect(flat).toContain('以上为纠纷事实摘要，当事人的完整陈述存于调解案卷');
    // whole sentences, at most the cap, and the terms still follow
    const stated = flat.split('纠纷主要事实、争议事项：')[1].split('（以上为纠纷事实摘要')[0];
    expect(stated.length).toBeLessThanOrEqual(AGREEMENT_FACTS_MAX_CHARS);
    expect(stated.endsWith('。')).toBe(true);
    expect(flat).toContain(squash(a.terms[0]));
    // a short account is printed as it is
    expect(agreementFacts('双方因噪音发生纠纷。')).toBe('双方因噪音发生纠纷。');
  });

  it('renders GBK-only hanzi used in names', async () => {
    const a = sampleAgreement();
    const out = squash(
      pdfToText(
        await renderAgreementPdf({ ...a, parties: [{ ...a.parties[0], name: '王喆' }, a.parties[1]] }),
      ),
    );
    expect(out).toContain('申请人：王喆');
  });

  it('refuses text the font cannot draw instead of printing blanks', async () => {
    const a = sampleAgreement();
    const input = { ...a, terms: [...a.terms, '双方握手言和😀'] };
    await expect(renderAgreementPdf(input)).rejects.toThrow(UnsupportedCharactersError);
    await expect(renderAgreementPdf(input)).rejects.toMatchObject({ field: 'terms', characters: ['😀'] });
  });

  it('rejects inconsistent input with the offending field', async () => {
    const a = sampleAgreement();
    await expect(renderAgreementPdf({ ...a, copies: 2 })).rejects.toMatchObject({ field: 'copies' });
    await expect(renderAgreementPdf({ ...a, parties: [a.parties[0]], signatures: [] })).rejects.toThrow(
      /respondent/,
    );
    await expect(
      renderAgreementPdf({
        ...a,
        signatures: [{ partyId: 'nobody', signedAt: new Date(), method: 'electronic' }],
      }),
    ).rejects.toMatchObject({ field: 'signatures[0].partyId' });
    await expect(renderAgreementPdf({ ...a, signedContentHash: 'not-a-hash' })).rejects.toThrow(
      DocumentInputError,
    );
    await expect(renderAgreementPdf({ ...a, number: '  ' })).rejects.toMatchObject({ field: 'number' });
  });
});

describe('renderAgreementPdf of a court-referred case', () => {
  it('prints the court case number once in the header, with its own brackets only', async () => {
    const a = sampleAgreement();
    const withNumber = { ...a, courtCaseNumber: '（2026）苏0612民诉前调88号' };
    const flat = squash(pdfToText(await renderAgreementPdf(withNumber)));
    expect(flat).toContain('编号：（2024）城东调字第0012号法院案号：（2026）苏0612民诉前调88号');
    expect(flat.split('（2026）苏0612民诉前调88号')).toHaveLength(2);
    expect(flat).not.toMatch(/（（|））/);
    // it names the case, not the terms: the content the parties sign is the same
    expect(agreementContentHash(withNumber)).toBe(agreementContentHash(a));
  });
});

describe('chineseNumeral', () => {
  it('numbers clauses in Chinese', () => {
    expect([1, 9, 10, 11, 20, 21, 99].map(chineseNumeral)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
    ]);
  });
});
