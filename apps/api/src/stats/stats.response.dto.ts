import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

/** Response bodies, exactly as the services return them (checked against every e2e response). */

export class DateRange {
  @ApiProperty({ type: String })
  from: string;
  @ApiProperty({ type: String })
  to: string;
}

/** What every intake channel reports: received, closed, disputes, durations. */
export class IntakeOutcome {
  @ApiProperty({ type: Number })
  received: number;
  @ApiProperty({ type: Number })
  closed: number;
  @ApiProperty({ type: Number, nullable: true, description: '办结率 = closed ÷ received.' })
  completionRate: number | null;
  @ApiProperty({ type: Number, description: 'Records that are disputes (矛盾纠纷).' })
  disputes: number;
  @ApiProperty({ type: Number, nullable: true })
  avgHours: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      '90th percentile of accepted → closed, bucket upper bound (1 h resolution below 2 days, 1 day above).',
  })
  p90Hours: number | null;
}

export class GridMetrics extends IntakeOutcome {
  @ApiProperty({ type: Number })
  peopleInvolved: number;
}

/** 12345 work orders: the intake outcome plus replies and satisfaction. */
export class WorkOrderMetrics extends IntakeOutcome {
  @ApiProperty({ type: Number })
  replied: number;
  @ApiProperty({ type: Number })
  repliedOnTime: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '按期答复率 = replied by the working-day deadline ÷ replied.',
  })
  onTimeReplyRate: number | null;
  @ApiProperty({ type: Number, description: 'Replied after the deadline.' })
  repliedLate: number;
  @ApiProperty({ type: Number })
  rated: number;
  @ApiProperty({ type: Number })
  satisfied: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '满意率 = (满意 + 基本满意) ÷ rated; 未回访 is not rated.',
  })
  satisfactionRate: number | null;
}

export class WorkOrderSummary extends WorkOrderMetrics {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  bySource: Record<string, number>;
}

export class IntakeSummary {
  @ApiProperty({ type: () => GridMetrics })
  grid: GridMetrics;
  @ApiProperty({ type: () => WorkOrderSummary })
  workOrders: WorkOrderSummary;
}

export class CourtReferralSection {
  @ApiProperty({ type: Number })
  received: number;
  @ApiProperty({
    type: Number,
    description:
      "Disputes created from court referrals (channel 'court') whose mediation concluded, and those that ended in an agreement (诉前调解成功). A referral linked to an earlier dispute of another channel counts under that dispute's channel.",
  })
  concluded: number;
  @ApiProperty({ type: Number })
  successful: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '诉前分流率 = referred cases mediated successfully ÷ referred cases.',
  })
  diversionRate: number | null;
}

export class DashboardScope {
  @ApiProperty({ type: String })
  dim: string;
  @ApiProperty({ type: String })
  value: string;
}

export class DisputeMetrics {
  @ApiProperty({ type: Number })
  received: number;
  @ApiProperty({
    type: Number,
    description: 'Mediations concluded: outcome agreement, no agreement, withdrawn or terminated.',
  })
  concluded: number;
  @ApiProperty({ type: Number })
  agreements: number;
  @ApiProperty({ type: Number, nullable: true, description: 'agreements ÷ concluded.' })
  successRate: number | null;
  @ApiProperty({ type: Number })
  closed: number;
  @ApiProperty({ type: Number, nullable: true })
  avgDays: number | null;
  @ApiProperty({ type: Number, nullable: true })
  p90Days: number | null;
}

export class MediationSummary extends DisputeMetrics {
  @ApiProperty({ type: Number })
  overdue: number;
  @ApiProperty({ type: () => DashboardScope })
  scope: DashboardScope;
}

export class DashboardBreakdowns {
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(DisputeMetrics) } })
  byChannel: Record<string, DisputeMetrics>;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(DisputeMetrics) } })
  byKind: Record<string, DisputeMetrics>;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(DisputeMetrics) } })
  byCategory: Record<string, DisputeMetrics>;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(DisputeMetrics) } })
  byStreet: Record<string, DisputeMetrics>;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(DisputeMetrics) } })
  byBody: Record<string, DisputeMetrics>;
}

export class DashboardSummary {
  @ApiProperty({ type: () => DateRange })
  period: DateRange;
  @ApiProperty({ type: () => IntakeSummary, nullable: true })
  intake: IntakeSummary | null;
  @ApiProperty({ type: () => MediationSummary })
  mediation: MediationSummary;
  @ApiProperty({
    type: () => CourtReferralSection,
    nullable: true,
    description: '法院委派/委托; null for a body scope',
  })
  courtReferrals: CourtReferralSection | null;
  @ApiProperty({ type: () => DashboardBreakdowns, nullable: true })
  breakdowns: DashboardBreakdowns | null;
}

export class IntakeSeriesPoint {
  @ApiProperty({ type: String })
  period: string;
  @ApiProperty({ type: String })
  channel: string;
  @ApiProperty({ type: Number })
  received: number;
  @ApiProperty({ type: Number })
  closed: number;
  @ApiProperty({ type: Number })
  replied: number;
  @ApiProperty({ type: Number })
  repliedOnTime: number;
  @ApiProperty({ type: Number })
  rated: number;
  @ApiProperty({ type: Number })
  satisfied: number;
}

export class DisputeSeriesPoint extends DisputeMetrics {
  @ApiProperty({ type: String })
  period: string;
}

export class CourtReferralSeriesPoint {
  @ApiProperty({ type: String })
  period: string;
  @ApiProperty({ type: Number })
  received: number;
}

export class DashboardSeries {
  @ApiProperty({ type: () => DateRange })
  period: DateRange;
  @ApiProperty({ type: String })
  granularity: string;
  @ApiProperty({ type: () => [IntakeSeriesPoint], nullable: true })
  intake: IntakeSeriesPoint[] | null;
  @ApiProperty({ type: () => [CourtReferralSeriesPoint], nullable: true })
  courtReferrals: CourtReferralSeriesPoint[] | null;
  @ApiProperty({ type: () => [DisputeSeriesPoint] })
  disputes: DisputeSeriesPoint[];
}

export class DisputeRef {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  number: string;
  @ApiProperty({ type: String })
  title: string;
  @ApiProperty({ type: String })
  category: string;
  @ApiProperty({ type: String })
  status: string;
  @ApiProperty({ type: String })
  createdAt: string;
}

export class WarningFlag {
  @ApiProperty({
    enum: ['same_place', 'same_parties', 'same_person', 'many_people', 'rising_category'],
    enumName: 'WarningType',
  })
  type: 'same_place' | 'same_parties' | 'same_person' | 'many_people' | 'rising_category';
  @ApiProperty({ enum: ['high', 'medium'], enumName: 'WarningFlagSeverity' })
  severity: 'high' | 'medium';
  @ApiProperty({ type: String, description: 'Why, in Chinese; personal data masked.' })
  reason: string;
  @ApiProperty({ type: Number })
  count: number;
  @ApiProperty({ type: [String] })
  disputeIds: string[];
  @ApiProperty({ type: () => [DisputeRef] })
  disputes: DisputeRef[];
}

export class EarlyWarnings {
  @ApiProperty({ type: String })
  asOf: string;
  @ApiProperty({ type: Number })
  windowDays: number;
  @ApiProperty({ type: () => [WarningFlag] })
  flags: WarningFlag[];
}
