/** Response shapes of the administration apis (registry, staff, routing, intake, statistics, linkage rooms). */

export interface Bilingual {
  zh: string;
  en?: string;
}

/** GET /registry/bodies */
export interface RegistryBody {
  id: string;
  code: string;
  name: string;
  kind: string;
  level: string;
  categories: string[];
  streetCodes: string[];
  communityCodes: string[];
  capacity: number;
  active: boolean;
  openCases: number;
  returns: number;
  mediators: { id: string; name: string; specialties: string[]; active: boolean; openCases: number }[];
}

/** GET /staff */
export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  role: string;
  orgId: string | null;
  specialties: string[];
  active: boolean;
}

export interface RuleConditions {
  categories?: string[];
  streets?: string[];
  communities?: string[];
  claimAmountMin?: number;
  claimAmountMax?: number;
  partyTypes?: string[];
  peopleInvolvedMin?: number;
  channels?: string[];
  /** peoples | administrative | judicial */
  disputeKinds?: string[];
}

export interface BodySelector {
  kinds?: string[];
  levels?: string[];
  matchCategory?: boolean;
  inJurisdiction?: boolean;
}

/** GET/PUT /routing/rules */
export interface RoutingRule {
  id: string;
  name: string;
  priority: number;
  weight: number;
  enabled: boolean;
  conditions: RuleConditions;
  target: { type: 'bodies'; bodyIds: string[] } | { type: 'selector'; selector: BodySelector };
}

/** error.details.rules of a refused PUT /routing/rules */
export interface RuleValidationError {
  ruleId: string;
  code: string;
  message: string;
  zh?: string;
}

/** POST /routing/dry-run */
export interface RoutingDecision {
  outcome: 'assigned' | 'district_admin_queue';
  bodyId: string | null;
  bodyLevel: string | null;
  queueReason: (Bilingual & { code: string }) | null;
  escalation: (Bilingual & { from: string; to: string; triggers: (Bilingual & { code: string })[] }) | null;
  returnsCount: number;
  maxReturns: number;
  explanation: {
    summary: Bilingual;
    rules: {
      ruleId: string;
      name: string;
      priority: number;
      weight: number;
      matched: boolean;
      mismatches: (Bilingual & { code: string })[];
      proposedBodyIds: string[];
    }[];
    candidates: {
      bodyId: string;
      name: string;
      kind: string;
      level: string;
      rank: number;
      score: number;
      openCases: number;
      capacity: number;
      viaEscalation: boolean;
      exclusions: (Bilingual & { code: string })[];
      selected: boolean;
    }[];
  };
}

/** 'import:progress' on the uploader's channel */
export interface ImportProgress {
  runId: string;
  file: string;
  format: string | null;
  status: 'running' | 'completed' | 'failed';
  rows: number;
  total: number | null;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** POST /intake/imports */
export interface ImportSummary {
  runId: string;
  file: string;
  format: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: { line: number; column: string | null; reason: string }[];
  disputesCreated: number;
  linked: number;
  queuedForReview: number;
  durationMs: number;
}

/** GET /intake/imports */
export interface ImportRun {
  id: string;
  file: string;
  format: string | null;
  origin: string;
  status: 'running' | 'completed' | 'failed';
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  disputesCreated: number;
  linked: number;
  queuedForReview: number;
  errorCode: string | null;
  errorMessage: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface DisputeMetrics {
  received: number;
  concluded: number;
  agreements: number;
  successRate: number | null;
  closed: number;
  avgDays: number | null;
  p90Days: number | null;
}

export interface IntakeMetrics {
  received: number;
  closed: number;
  completionRate: number | null;
  disputes: number;
}

/** GET /stats/summary */
export interface StatsSummary {
  period: { from: string; to: string };
  intake: {
    grid: IntakeMetrics & { peopleInvolved: number };
    workOrders: IntakeMetrics & {
      onTimeReplyRate: number | null;
      satisfactionRate: number | null;
      replied: number;
      rated: number;
      bySource: Record<string, number>;
    };
  } | null;
  mediation: DisputeMetrics & { overdue: number };
  /** 法院委派/委托: the same figure the annual report states (null for a body admin). */
  courtReferrals: {
    received: number;
    concluded: number;
    successful: number;
    diversionRate: number | null;
  } | null;
  breakdowns: Record<
    'byChannel' | 'byKind' | 'byCategory' | 'byStreet' | 'byBody',
    Record<string, DisputeMetrics>
  > | null;
}

/** GET /stats/series */
export interface StatsSeries {
  granularity: 'day' | 'month';
  intake: { period: string; channel: string; received: number; closed: number }[] | null;
  /** 法院委派/委托 per period, as the summary and the annual report count them. */
  courtReferrals: { period: string; received: number }[] | null;
  disputes: (DisputeMetrics & { period: string })[];
}

export interface WarningFlags {
  asOf: string;
  flags: {
    type: string;
    severity: 'high' | 'medium';
    reason: string;
    count: number;
    disputes: { id: string; number: string; title: string }[];
  }[];
}

/** GET /rooms/mine → linkageRooms */
export interface LinkageRoomRef {
  id: string;
  title: string;
  disputeId: string | null;
  topic: string | null;
  memberRole: 'host' | 'member';
  lastSeq: number;
  unread: number;
}

export interface LinkageMember {
  userId: string;
  name: string;
  userRole: string;
  orgId: string | null;
  orgName: string | null;
  role: 'host' | 'member';
  addedAt: string;
}

/** GET /rooms/linkage/:id */
export interface LinkageRoomDetail {
  id: string;
  kind: string;
  title: string;
  topic: string | null;
  dispute: { id: string; number: string; title: string } | null;
  createdAt: string;
  lastSeq: number;
  myRole: 'host' | 'member';
  members: LinkageMember[];
}
