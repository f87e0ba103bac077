import {
  courtNumberTerm,
  nameTerms,
  parseQuery,
  postingsOf,
  textTerms,
  FIELD_BITS,
  RANK,
} from './search-tokens';

const hash = (kind: 'p' | 'i', v: string) => `${kind}:#${v}`;

describe('search tokens', () => {
  it('cuts Chinese text into words and single characters', () => {
    const terms = textTerms('居民反映楼上漏水导致天花板受损，请求调解。');
    expect(terms).toEqual(expect.arrayContaining(['漏水', '天花板', '调解', '漏', '水', '板']));
    expect(terms).not.toContain('，');
  });

  it('keeps a name whole as well as cut, so part of a company name finds it', () => {
    expect(nameTerms('欧阳娜娜')).toContain('欧阳娜娜');
    expect(nameTerms('南通某贸易有限公司')).toEqual(expect.arrayContaining(['南通某贸易有限公司', '贸易']));
  });

  it('reads a court case number the same with or without brackets, full- or half-width', () => {
    const t = courtNumberTerm('（2026）苏0612民诉前调88号');
    expect(courtNumberTerm('(2026)苏0612民诉前调88号')).toBe(t);
    expect(courtNumberTerm('2026苏0612民诉前调88号')).toBe(t);
  });

  it('never puts a phone or ID number in the index in clear, not even from free text', () => {
    const postings = postingsOf(
      {
        number: 'TZ2026-000123',
        title: '张三纠纷',
        description: '联系电话13912345678，身份证320612199001011234',
        address: null,
        names: ['张三'],
        phones: ['13912345678'],
        idNumbers: ['320612199001011234'],
        intakeIds: ['SW2024000001'],
        courtCaseNumbers: [],
      },
      hash,
    );
    const terms = postings.map((p) => p.term);
    expect(terms.filter((t) => t.includes('13912345678'))).toEqual(['p:#13912345678']);
    expect(terms.filter((t) => t.includes('320612199001011234'))).toEqual(['i:#320612199001011234']);
    expect(postings.find((p) => p.term === 'n:TZ2026-000123')).toMatchObject({ rank: RANK.identifier });
    expect(postings.find((p) => p.term === 's:123')?.fields).toBe(FIELD_BITS.number);
    expect(postings.find((p) => p.term === 'x:SW2024000001')?.fields).toBe(FIELD_BITS.intakeId);
    // a name also in the title: the better rank, both fields
    expect(postings.find((p) => p.term === '张三')).toEqual({
      term: '张三',
      rank: RANK.name,
      fields: FIELD_BITS.partyName | FIELD_BITS.text,
    });
  });

  it('reads a query into exact identifiers, number prefixes and words (AND)', () => {
    const { terms } = parseQuery('13912345678 TZ2026-0001 拖欠工资 000123 WG20240000001', hash);
    expect(terms).toEqual([
      { kind: 'exact', term: 'p:#13912345678', personal: 'phone' },
      { kind: 'prefix', from: 'n:TZ2026-0001' },
      { kind: 'words', whole: '拖欠工资', pieces: ['拖欠', '工资'] },
      { kind: 'serial', term: 's:123', word: '000123' },
      { kind: 'exact', term: 'x:WG20240000001' },
    ]);
    // a fragment of a phone number is no phone: it can only match a case number's serial or a number in the text
    expect(parseQuery('1391234', hash).terms).toEqual([
      { kind: 'serial', term: 's:1391234', word: '1391234' },
    ]);
    expect(parseQuery('３２０６１２１９９００１０１１２３ｘ', hash).terms[0]).toMatchObject({
      personal: 'idNumber',
    });
  });
});
