/** Response shapes of the api (see apps/api and libs/cases/src/case-query.service.ts). */

export type Role =
  | 'party'
  | 'mediator'
  | 'body_admin'
  | 'grid_worker'
  | 'hotline_operator'
  | 'court_clerk'
  | 'judge'
  | 'official'
  | 'district_admin'
  | 'system';

export interface SessionUser {
  id: string;
  role: Role;
  orgId: string | null;
  displayName: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: SessionUser;
}

export type SessionMode = 'joint' | 'caucus';

export interface CaseSummary {
  id: string;
  number: string;
  title: string;
  category: string;
  categoryLabel: string;
  kind: string;
  channel: string;
  /** court referrals: court_pre_registration | court_post_registration_ordinary | court_post_registration_simple */
  deadlineRegime?: string | null;
  status: string;
  statusLabel: string;
  version: number;
  bodyId: string | null;
  mediatorId: string | null;
  streetCode: string | null;
  sessionMode: SessionMode;
  dueAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type Urgency = 'overdue' | 'due_soon' | 'ok' | 'none';

export interface QueueItem extends CaseSummary {
  urgency: Urgency;
}

export interface TimelineEntry {
  at: string;
  atText: string;
  action: string;
  label: string;
  status: string;
  statusLabel: string;
  actorRole: string | null;
  reason: string | null;
}

export interface Signature {
  partyId: string;
  name: string;
  role: string;
  signed: boolean;
  signedAt: string | null;
}

export interface Agreement {
  id: string;
  terms: string[];
  performanceDueOn: string | null;
  status: string;
  contentHash: string;
  signedAt: string | null;
  signatures: Signature[];
}

export interface RoomRef {
  id: string;
  kind: 'joint' | 'caucus' | 'staff' | string;
  title: string;
  partyId: string | null;
  lastSeq: number;
}

export interface PartyView {
  id: string;
  role: 'applicant' | 'respondent' | string;
  partyType: string;
  name: string;
  phone: string | null;
  idNumber: string | null;
  linked: boolean;
  masked: boolean;
  /** staff readers only: none = no account (未开通), opened = never signed in, signed_in = see lastSignInAt */
  account?: 'none' | 'opened' | 'signed_in';
  lastSignInAt?: string | null;
}

/** The routing explanation as stored on the case; its shape varies with the rule that routed it. */
export interface RoutingExplanation {
  rule?: string;
  candidates?: {
    id?: string;
    bodyId?: string;
    name?: string;
    reason?: string;
    load?: number;
    openCases?: number;
    capacity?: number;
    score?: number;
    selected?: boolean;
    exclusions?: { zh?: string }[];
  }[];
  winner?: string | null;
  why?: string;
  summary?: { zh?: string };
  manual?: boolean;
}

export interface CaseDetail extends CaseSummary {
  description: string;
  address: string | null;
  claimAmount: number | null;
  peopleInvolved: number | null;
  outcome: string | null;
  routing: RoutingExplanation | null;
  parties: PartyView[];
  relations: string[];
  availableActions: string[];
  timeline: TimelineEntry[];
  agreement: Agreement | null;
  rooms: RoomRef[];
  /** How the case was received (staff only; null for parties). */
  intakes?: IntakeEntry[] | null;
  /** The court's referral (委派/委托) of a court-referred case. */
  referral: CourtReferralView | null;
}

export interface CourtReferralView {
  courtId: string;
  referralType: 'pre_registration' | 'post_registration';
  referralTypeLabel: string;
  procedure: 'ordinary' | 'simple' | null;
  procedureLabel: string | null;
  courtCaseNumber: string;
  causeOfAction: string;
  judgeName: string | null;
  referredOn: string;
  mediationDays: number;
}

/** One intake record of a case: a channel that brought it, with its own number and, for 12345, its reply limit. */
export interface IntakeEntry {
  id: string | null;
  channel: string;
  sourceId: string;
  source: string | null;
  receivedAt: string;
  registeredBy: string | null;
  replyDueAt: string | null;
  replyDays: number | null;
  satisfaction: string | null;
  merged: boolean;
}

/** POST /cases/register: the case (created, or merged into) and what became of the registration. */
export interface RegisterAnswer {
  id: string | null;
  number?: string;
  title?: string;
  status?: string;
  statusLabel?: string;
  intake: {
    outcome: 'created' | 'merged' | 'review';
    intakeRecordId: string | null;
    candidateNumber: string | null;
  };
}

export interface DeadlineView {
  dueAt: string;
  text: string;
  remaining: string;
  /** warn only when due soon (DUE_SOON_DAYS in libs/deadlines/src/case-deadline.ts) or overdue */
  urgency?: Urgency;
}

export interface CaseStatusView {
  id: string;
  number: string;
  title: string;
  status: string;
  statusLabel: string;
  stage: number;
  stages: string[];
  nextStep: string;
  sessionMode: SessionMode;
  deadline: DeadlineView | null;
  judicialConfirmation: DeadlineView | null;
  timeline: TimelineEntry[];
  agreement: Agreement | null;
  availableActions: string[];
}

export interface MessageView {
  id: string;
  roomId: string;
  seq: number;
  kind: 'text' | 'system' | string;
  senderId: string | null;
  senderName: string;
  senderRole: string;
  clientMsgId: string | null;
  body: string;
  createdAt: string;
}

export interface Directory {
  categories: { code: string; label: string }[];
  streets: { code: string; name: string; communities: { code: string; name: string }[] }[];
  organizations: {
    id: string;
    code: string;
    name: string;
    kind: string;
    level: string;
    categories: string[];
    active: boolean;
  }[];
}

export interface Lifecycle {
  statuses: Record<string, { label: string; stage: number; next: string }>;
  transitions: {
    action: string;
    label: string;
    from: string[];
    to: string | null;
    requiresReason?: boolean;
  }[];
  returnReasons: Record<string, string>;
}

export interface CaseUpdatedEvent {
  id: string;
  number: string;
  status: string;
  statusLabel: string;
  version: number;
  action: string;
  sessionMode: SessionMode;
}

/** 'case:changed': a case the user lists changed; a refetch hint with no personal data. */
export interface CaseChangedEvent {
  id: string;
  number: string;
  status: string;
  statusLabel: string;
  version: number;
  action: string;
}

export interface ErrorPayload {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

/** GET /cases/:id/mediator-proposal: the handling body's mediators, ranked, with exclusions. */
export interface MediatorProposal {
  outcome: 'proposed' | 'none_available';
  mediatorId: string | null;
  candidates: {
    mediatorId: string;
    name: string;
    rank: number;
    specialtyMatch: boolean;
    openCases: number;
    exclusions: { code: string; zh: string }[];
    selected: boolean;
  }[];
  explanation: { zh: string };
}
