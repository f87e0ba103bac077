import {
  DISPUTE_CATEGORIES,
  DISPUTE_CATEGORY_CODES,
  categoryLabelEn,
  categoryLabelZh,
} from './dispute-category.constants';

describe('DISPUTE_CATEGORIES', () => {
  it.each([
    ['neighbour', '邻里纠纷'],
    ['family', '婚姻家庭'],
    ['property', '物业'],
    ['labour', '劳动争议'],
    ['medical', '医疗纠纷'],
    ['traffic', '交通事故'],
    ['consumer', '消费纠纷'],
    ['land_expropriation', '土地征收'],
    ['contract', '合同纠纷'],
    ['ip', '知识产权'],
    ['construction', '建设工程'],
    ['commercial', '商事'],
    ['other', '其他'],
  ])('%s is %s', (code, zh) => {
    expect(categoryLabelZh(code)).toBe(zh);
    expect(categoryLabelEn(code)).not.toBe(code);
  });

  it('has 13 unique stable codes in this order', () => {
    expect(DISPUTE_CATEGORY_CODES).toEqual(DISPUTE_CATEGORIES.map((c) => c.code));
    expect(new Set(DISPUTE_CATEGORY_CODES).size).toBe(13);
    expect(categoryLabelZh('astrology')).toBe('astrology');
  });
});
