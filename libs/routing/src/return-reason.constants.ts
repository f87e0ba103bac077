/** Reason codes a body gives when it returns (退单/退回) a dispute it was assigned. */
export const RETURN_REASONS = [
  { code: 'NOT_IN_JURISDICTION', zh: '不属于本辖区', en: 'Not in our jurisdiction' },
  { code: 'NOT_IN_SCOPE', zh: '不属于受理范围', en: 'Outside our scope of acceptance' },
  { code: 'CONFLICT_OF_INTEREST', zh: '存在利害关系', en: 'Conflict of interest' },
  { code: 'OVER_CAPACITY', zh: '超出承办能力', en: 'Beyond our handling capacity' },
  { code: 'ALREADY_IN_LITIGATION', zh: '已进入诉讼程序', en: 'Already in litigation' },
  { code: 'PARTY_UNREACHABLE', zh: '当事人无法联系', en: 'Party cannot be reached' },
  { code: 'OTHER', zh: '其他', en: 'Other' },
] as const;

export type ReturnReasonCode = (typeof RETURN_REASONS)[number]['code'];

export const RETURN_REASON_CODES: readonly ReturnReasonCode[] = RETURN_REASONS.map((r) => r.code);

const LABEL_ZH = new Map<string, string>(RETURN_REASONS.map((r) => [r.code, r.zh]));

/** Chinese label of a return reason code; unknown codes are returned unchanged. */
export function returnReasonLabelZh(code: string): string {
  return LABEL_ZH.get(code) ?? code;
}

export function isReturnReasonCode(code: string): code is ReturnReasonCode {
  return LABEL_ZH.has(code);
}
