/** The shapes statistics are answered in. Rates are fractions rounded to 4 decimals, null when undefined (0 ÷ 0). */

export interface IntakeMetrics {
  received: number;
  closed: number;
  /** 办结率 = closed ÷ received. */
  completionRate: number | null;
  /** Records that are disputes (矛盾纠纷). */
  disputes: number;
  avgHours: number | null;
  /** 90th percentile of accepted → closed, bucket upper bound (1 h resolution below 2 days, 1 day above). */
  p90Hours: number | null;
}

export interface WorkOrderMetrics extends IntakeMetrics {
  replied: number;
  repliedOnTime: number;
  /** 按期答复率 = replied by the working-day deadline ÷ replied. */
  onTimeReplyRate: number | null;
  /** Replied after the deadline. */
  repliedLate: number;
  rated: number;
  satisfied: number;
  /** 满意率 = (满意 + 基本满意) ÷ rated; 未回访 is not rated. */
  satisfactionRate: number | null;
}

export interface GridMetrics extends IntakeMetrics {
  peopleInvolved: number;
}

export interface DisputeMetrics {
  received: number;
  /** Mediations concluded: outcome agreement, no agreement, withdrawn or terminated. */
  concluded: number;
  agreements: number;
  /** agreements ÷ concluded. */
  successRate: number | null;
  closed: number;
  avgDays: number | null;
  p90Days: number | null;
}

export interface MediationSection extends DisputeMetrics {
  /** Disputes whose mediation clock runs past its due date today. */
  overdue: number;
  judicialConfirmations: number;
  confirmationsRejected: number;
  transfers: number;
  returns: number;
  referredToCourt: number;
  byKind: Record<string, DisputeMetrics>;
  byChannel: Record<string, DisputeMetrics>;
  byCategory: Record<string, DisputeMetrics>;
}

/** 法院委派/委托, as court-referral.figures.ts defines it (the disputes court referrals created, channel 'court'). */
export interface CourtReferralSection {
  received: number;
  /** Of those, the ones whose mediation concluded, and those that ended in an agreement (调解成功). */
  concluded: number;
  successful: number;
  /** 诉前分流率 = referred cases mediated successfully ÷ referred cases. */
  diversionRate: number | null;
}

export interface StreetRow {
  street: string;
  gridReceived: number;
  gridClosed: number;
  gridCompletionRate: number | null;
  ordersReceived: number;
  ordersClosed: number;
  ordersCompletionRate: number | null;
  onTimeReplyRate: number | null;
  satisfactionRate: number | null;
  disputes: number;
}

export interface BodyRow {
  bodyId: string;
  name: string;
  received: number;
  concluded: number;
  agreements: number;
  successRate: number | null;
  returns: number;
  overdue: number;
}

export interface AnnualReport {
  year: number;
  gridReports: GridMetrics;
  workOrders: WorkOrderMetrics & {
    bySource: Record<string, number>;
    sources: Record<string, WorkOrderMetrics>;
  };
  mediation: MediationSection;
  courtReferrals: CourtReferralSection;
  /** Intake records that are disputes, by dispute category label and channel. */
  disputesByCategory: { category: string; grid: number; hotline: number; court: number; total: number }[];
  streets: StreetRow[];
  bodies: BodyRow[];
  generatedAt: string;
}
