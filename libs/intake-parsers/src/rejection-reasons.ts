/**
 * Stable rejection codes (the answer keys' reason strings, extended) with Chinese messages.
 * Codes are part of the public contract: importers store them and count by them.
 */
export const REJECTION_MESSAGES = {
  // 12345 work orders
  'missing work-order id': '缺少工单编号',
  'unknown source': '工单来源不是省市网、海心安或本市级',
  'unparseable accept time': '受理时间无法识别',
  'missing category': '缺少问题分类',
  'empty content': '诉求内容为空',
  'bad time limit': '办理时限(工作日)不是正整数',
  'unparseable sign-off time': '签收时间无法识别',
  'unparseable reply time': '回复时间无法识别',
  'sign-off before accept': '签收时间早于受理时间',
  'reply before sign-off': '回复时间早于签收时间',
  'close before reply': '办结时间早于回复时间',
  'unknown satisfaction': '回访满意度不是满意、基本满意、不满意或未回访',
  // grid reports
  'missing event id': '缺少事件编号',
  'unparseable report time': '上报时间无法识别',
  'empty description': '事件描述为空',
  'negative people count': '涉及人数为负数',
  'bad people count': '涉及人数不是非负整数',
  'close before report': '办结时间早于上报时间',
  // court referrals
  'missing case number': '缺少案号',
  'unparseable referral date': '委派日期无法识别',
  'missing cause of action': '缺少案由',
  'bad claim amount': '标的额(元)不是非负金额',
  'missing plaintiff': '缺少原告',
  'missing defendant': '缺少被告',
  'bad mediation days': '调解期限(日)不是正整数',
  'invalid ID number': '身份证号不是有效的18位号码（校验位不符）',
  // shared
  'invalid phone': '电话号码格式不正确',
  'unparseable close time': '办结时间无法识别',
  'wrong column count': '本行列数与表头不一致',
  'malformed record': '本行CSV格式错误（引号不匹配等）',
  'undecodable characters': '本行含无法解码的字符（文件编码可能不对）',
  'NUL character': '本行含空字符（NUL），无法保存',
} as const;

export type RejectionCode = keyof typeof REJECTION_MESSAGES;

export function rejectionMessage(code: RejectionCode, column?: string | null): string {
  const base = REJECTION_MESSAGES[code];
  return column && !base.startsWith(column) ? `${column}：${base}` : base;
}
