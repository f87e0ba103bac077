import { RETURN_REASONS as ROUTING_RETURN_REASONS, ReturnReasonCode } from '@tiaojie/routing';

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

/** Return (退单) reason codes: the routing engine's list, as code → Chinese label. */
export const RETURN_REASONS = Object.fromEntries(ROUTING_RETURN_REASONS.map((r) => [r.code, r.zh])) as Record<ReturnReasonCode, string>;
export type ReturnReason = ReturnReasonCode;
