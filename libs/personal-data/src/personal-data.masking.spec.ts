import { maskIdNumber, maskName, maskNamesIn, maskPhone } from './personal-data.masking';

describe('masking', () => {
  it('masks names: a person keeps the first character, an organisation its first and last', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜', 'person')).toBe('欧***');
    expect(maskName('南通某贸易有限公司', 'organization')).toBe('南*******司');
    expect(maskName('某厂', 'organization')).toBe('某*');
    expect(maskName('王')).toBe('*');
    expect(maskName(null)).toBeNull();
  });

  it('masks the names in a text, longer names first', () => {
    const parties = [
      { name: '王五', partyType: 'person' },
      { name: '南通某贸易有限公司', partyType: 'organization' },
    ];
    expect(maskNamesIn('王五与南通某贸易有限公司纠纷', parties)).toBe('王*与南*******司纠纷');
    expect(maskNamesIn('邻里纠纷', parties)).toBe('邻里纠纷');
  });

  it('masks phones and ID numbers as the domain reference shows them', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('32061219900101123X')).toBe('3206**********123X');
  });

  it('masks short and missing values entirely or passes them through', () => {
    expect(maskPhone('123456')).toBe('******');
    expect(maskIdNumber('E1234567')).toBe('********');
    expect(maskIdNumber('E12345678')).toBe('E123*5678');
    expect(maskPhone(null)).toBeNull();
    expect(maskIdNumber(undefined)).toBeNull();
  });
});
