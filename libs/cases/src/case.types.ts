export interface PartyInput {
  name: string;
  partyType?: 'person' | 'organization';
  phone?: string;
  idNumber?: string;
}

export interface ApplyInput {
  category: string;
  title?: string;
  description: string;
  streetCode: string;
  communityCode?: string;
  address?: string;
  claimAmount?: number;
  peopleInvolved?: number;
  applicant: PartyInput;
  respondents: PartyInput[];
}

export interface TransitionInput {
  version: number;
  reason?: string;
}

export const RETURN_REASONS = {
  NOT_IN_JURISDICTION: '不属于本辖区',
  NOT_IN_SCOPE: '不属于受理范围',
  CONFLICT_OF_INTEREST: '存在利害关系',
  OVER_CAPACITY: '超出承办能力',
  ALREADY_IN_LITIGATION: '已进入诉讼程序',
  PARTY_UNREACHABLE: '当事人无法联系',
  OTHER: '其他',
} as const;
export type ReturnReason = keyof typeof RETURN_REASONS;
