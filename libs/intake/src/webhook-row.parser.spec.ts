import { parseWebhookRows, validateWebhookPayload } from './webhook-row.parser';

const row = {
  案号: '（2024）苏0612民诉前调99号',
  委派日期: '2024-06-03',
  委派法院: '南通市通州区人民法院',
  案由: '物业服务合同纠纷',
  '标的额(元)': 3600,
  原告: '张三',
  原告电话: '13800000001',
  原告身份证号: '',
  被告: '某物业公司',
  被告电话: '',
  被告身份证号: '',
  '调解期限(日)': '30',
  承办法官: '许法官',
  备注: '',
};

describe('webhook payloads', () => {
  it('takes one row object or { rows: [...] } keyed by the export columns', () => {
    expect(validateWebhookPayload('court-referral', row)).toHaveLength(1);
    expect(validateWebhookPayload('court-referral', { rows: [row, row] })).toHaveLength(2);
  });

  it('refuses unknown columns, non-scalar values, empty or oversized deliveries with a 400', () => {
    expect(() => validateWebhookPayload('court-referral', { ...row, 备忘: 'x' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => validateWebhookPayload('court-referral', { ...row, 原告: { name: 'x' } })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => validateWebhookPayload('court-referral', { rows: [] })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() =>
      validateWebhookPayload('court-referral', { rows: Array.from({ length: 1001 }, () => row) }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => validateWebhookPayload('court-referral', [row])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('refuses text holding NUL (jsonb cannot store it) or an unpaired surrogate, and names the row and column', () => {
    for (const bad of ['张\u0000三', '张\ud800三']) {
      expect(() => validateWebhookPayload('court-referral', { rows: [row, { ...row, 原告: bad }] })).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED', details: { row: 2, column: '原告' } }),
      );
    }
    expect(validateWebhookPayload('court-referral', { ...row, 原告: '张𩸽' })).toHaveLength(1);
  });

  it('parses rows with the file import validators; a bad row is rejected at its position', () => {
    const rows = parseWebhookRows(
      'court-referral',
      validateWebhookPayload('court-referral', {
        rows: [row, { ...row, 案号: '', 原告身份证号: '320612199001011231' }],
      }),
    );
    expect(rows[0]).toMatchObject({
      ok: true,
      line: 1,
      record: { kind: 'court-referral', claimAmount: 3600, mediationDays: 30, referredOn: '2024-06-03' },
    });
    expect(rows[1]).toMatchObject({ ok: false, line: 2, reason: 'missing case number' });
  });
});
