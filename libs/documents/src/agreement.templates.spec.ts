import {
  agreementTemplate,
  DISPUTE_CATEGORIES,
  DISPUTE_CATEGORY_LABELS,
  type DisputeCategory,
} from './agreement.templates';
import { DocumentInputError, TemplatePlaceholderError, TemplateSyntaxError } from './documents.errors';
import { fillTemplate, templatePlaceholders } from './template.filler';

describe('agreementTemplate', () => {
  it('covers the nine dispute categories with their Chinese labels', () => {
    expect(DISPUTE_CATEGORIES).toEqual([
      'neighbour',
      'family',
      'property',
      'labour',
      'medical',
      'traffic',
      'consumer',
      'contract',
      'other',
    ]);
    expect(DISPUTE_CATEGORY_LABELS.neighbour).toBe('邻里纠纷');
    expect(DISPUTE_CATEGORY_LABELS.labour).toBe('劳动争议');
  });

  it.each(DISPUTE_CATEGORIES)(
    '%s has facts, terms and performance with {{amount}} and {{dueDate}}',
    (category) => {
      const t = agreementTemplate(category);
      expect(t.category).toBe(category);
      expect(t.label).toBe(DISPUTE_CATEGORY_LABELS[category]);
      expect(t.terms.length).toBeGreaterThanOrEqual(2);
      expect(templatePlaceholders(t)).toEqual(expect.arrayContaining(['amount', 'dueDate']));
    },
  );

  it('returns a copy the caller may edit', () => {
    agreementTemplate('labour').terms.push('额外条款');
    expect(agreementTemplate('labour').terms).not.toContain('额外条款');
  });

  it('rejects an unknown category', () => {
    expect(() => agreementTemplate('divorce' as DisputeCategory)).toThrow(DocumentInputError);
    expect(() => agreementTemplate('toString' as DisputeCategory)).toThrow(DocumentInputError);
  });
});

describe('fillTemplate', () => {
  it('fills a string template', () => {
    expect(
      fillTemplate('于{{dueDate}}前支付人民币{{ amount }}元', { dueDate: '2024年3月31日', amount: 3500 }),
    ).toBe('于2024年3月31日前支付人民币3500元');
  });

  it('fills every part of a category template', () => {
    const t = agreementTemplate('traffic');
    const values = Object.fromEntries(templatePlaceholders(t).map((name) => [name, `<${name}>`]));
    const filled = fillTemplate(t, { ...values, amount: 12800, dueDate: '2024年5月1日' });
    const all = [filled.facts, ...filled.terms, filled.performance].join('\n');
    expect(all).not.toMatch(/\{\{|\}\}/);
    expect(all).toContain('合计人民币12800元');
    expect(all).toContain('2024年5月1日前');
    expect(filled.terms).toHaveLength(t.terms.length);
  });

  it('lists every missing, null, blank or non-finite value in a typed error', () => {
    const t = agreementTemplate('contract');
    let error: unknown;
    try {
      fillTemplate(t, { amount: Number.NaN, dueDate: '  ', contractName: '买卖合同', paymentMethod: null });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TemplatePlaceholderError);
    expect((error as TemplatePlaceholderError).missing).toEqual([
      'contractDate',
      'disputeIssue',
      'confirmDate',
      'amount',
      'dueDate',
      'paymentMethod',
    ]);
  });

  it('does not re-expand placeholders inside values', () => {
    expect(fillTemplate('{{a}}{{b}}', { a: '{{b}}', b: 'x' })).toBe('{{b}}x');
  });

  it('rejects malformed placeholders', () => {
    expect(() => fillTemplate('支付{{金额}}元', { 金额: 1 })).toThrow(TemplateSyntaxError);
    expect(() => fillTemplate('支付{{amount}元', { amount: 1 })).toThrow(TemplateSyntaxError);
  });
});
