import { sampleAgreement } from './agreement.fixture';
import { agreementContentHash } from './agreement.hash';
import type { AgreementInput } from './agreement.types';
import { DocumentInputError } from './documents.errors';

describe('agreementContentHash', () => {
  const base = agreementContentHash(sampleAgreement());

  it('is a lower-case SHA-256 hex digest and deterministic', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(agreementContentHash(sampleAgreement())).toBe(base);
  });

  it('ignores signatures, the signed-content hash, the date, the seal text and party ids', () => {
    const a = sampleAgreement();
    const variant: AgreementInput = {
      ...a,
      signatures: [],
      signedContentHash: 'a'.repeat(64),
      date: '2025-01-02',
      body: { ...a.body, sealText: '某某人民调解委员会' },
      parties: a.parties.map((p, i) => ({ ...p, id: `other-${i}` })),
    };
    expect(agreementContentHash(variant)).toBe(base);
  });

  it('does not depend on property order or surrounding whitespace', () => {
    const a = sampleAgreement();
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as unknown as AgreementInput;
    const spaced = { ...a, terms: a.terms.map((t) => `  ${t}\r\n`), facts: `\n${a.facts}  ` };
    expect(agreementContentHash(reordered)).toBe(base);
    expect(agreementContentHash(spaced)).toBe(base);
  });

  it('changes when the content changes', () => {
    const a = sampleAgreement();
    const changed: AgreementInput[] = [
      { ...a, terms: [...a.terms.slice(0, 2), '本协议履行完毕后，双方再无争议。'] },
      { ...a, terms: [...a.terms].reverse() },
      { ...a, parties: [{ ...a.parties[0], idNumber: '320621199001011242' }, a.parties[1]] },
      { ...a, parties: [a.parties[1], a.parties[0]] },
      { ...a, copies: 4 },
      { ...a, mediators: ['王志刚', '陈丽'] },
      { ...a, facts: `${a.facts}另查明……` },
      { ...a, performance: '现金支付。' },
    ];
    const hashes = changed.map(agreementContentHash);
    for (const h of hashes) expect(h).not.toBe(base);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('rejects invalid input', () => {
    expect(() => agreementContentHash({ ...sampleAgreement(), terms: [] })).toThrow(DocumentInputError);
  });
});
