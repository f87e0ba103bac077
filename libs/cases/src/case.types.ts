import { RETURN_REASONS as ROUTING_RETURN_REASONS, ReturnReasonCode } from '@tiaojie/routing';

export interface AgentInput {
  name: string;
  phone?: string;
  agentType?: 'entrusted' | 'statutory';
  /** Power of attorney (授权委托书): its reference or text. */
  powerOfAttorney: string;
}

export interface PartyInput {
  name: string;
  partyType?: 'person' | 'organization';
  phone?: string;
  /** ID number, or the unified social credit code of an organisation. */
  idNumber?: string;
  /** Legal representative of an organisation party. */
  representative?: string;
  agent?: AgentInput;
}

export interface RegisterInput {
  channel: 'window' | 'petition' | 'grid' | 'hotline_12345' | 'enterprise';
  kind?: 'peoples' | 'administrative';
  category: string;
  title?: string;
  description: string;
  streetCode: string;
  communityCode?: string;
  address?: string;
  claimAmount?: number;
  peopleInvolved?: number;
  parties: (PartyInput & { role: 'applicant' | 'respondent' | 'third_party' })[];
  /** A grid worker filing for a party who cannot use the system, with the party's consent. */
  assistance?: { consent: boolean; method: 'verbal' | 'written' | 'fingerprint'; note?: string };
  /** The channel's own number (12345 工单编号, 网格事件编号, 信访件编号); generated when absent. */
  sourceId?: string;
  /** 12345 only: 工单来源 (省市网 | 海心安 | 本市级). */
  source?: '省市网' | '海心安' | '本市级';
  /** 12345 only: 办理时限 in working days after sign-off (default 5). */
  replyDays?: number;
}

export interface CourtReferralInput {
  referralType: 'pre_registration' | 'post_registration';
  procedure?: 'ordinary' | 'simple';
  courtCaseNumber: string;
  causeOfAction: string;
  category: string;
  claimAmount?: number;
  judgeName?: string;
  referredOn: string;
  streetCode: string;
  description?: string;
  parties: (PartyInput & { role: 'applicant' | 'respondent' | 'third_party' })[];
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
export const RETURN_REASONS = Object.fromEntries(ROUTING_RETURN_REASONS.map((r) => [r.code, r.zh])) as Record<
  ReturnReasonCode,
  string
>;
export type ReturnReason = ReturnReasonCode;
