import type { AgreementInput } from './agreement.types';

/** A complete agreement for tests (synthetic names and numbers). */
export function sampleAgreement(overrides: Partial<AgreementInput> = {}): AgreementInput {
  return {
    number: '（2024）城东调字第0012号',
    body: { name: '海安市城东镇人民调解委员会' },
    parties: [
      {
        id: 'p-1',
        role: 'applicant',
        name: '张晓梅',
        sex: 'female',
        idNumber: '320621199001011234',
        phone: '13812345678',
        address: '江苏省海安市城东镇曙光新村12幢302室',
      },
      {
        id: 'p-2',
        role: 'respondent',
        name: '李建国',
        sex: 'male',
        idNumber: '32062119850615561X',
        phone: '13987654321',
        address: '江苏省海安市城东镇曙光新村12幢402室',
        agent: { kind: 'entrusted', name: '李明', relation: '之子', phone: '15000001111' },
      },
    ],
    facts: '被申请人家中卫生间管道渗漏，致申请人家卫生间吊顶及墙面受损。双方就维修责任及赔偿数额发生争议。',
    terms: [
      '被申请人于2024年3月15日前修复其卫生间防水层，修复费用由被申请人承担。',
      '被申请人于2024年3月31日前一次性赔偿申请人吊顶及墙面修复费用人民币3500元。',
      '本协议履行完毕后，双方就本纠纷再无其他争议。',
    ],
    performance: '被申请人以银行转账方式将赔偿款支付至申请人指定账户，申请人收到后出具收条。',
    mediators: ['王志刚'],
    date: '2024-03-01',
    signatures: [
      { partyId: 'p-1', signedAt: new Date('2024-03-01T06:05:00Z'), method: 'electronic' },
      { partyId: 'p-2', signedAt: new Date('2024-03-01T06:12:00Z'), method: 'handwritten', signedBy: '李明' },
    ],
    ...overrides,
  };
}
