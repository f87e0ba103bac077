import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import {
  CourtReferralSection,
  DisputeMetrics,
  GridMetrics,
  WorkOrderMetrics,
  WorkOrderSummary,
} from './stats.response.dto';

/** Response bodies, exactly as the services return them (checked against every e2e response). */

export class ReportWorkOrders extends WorkOrderSummary {
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(WorkOrderMetrics) } })
  sources: Record<string, WorkOrderMetrics>;
}

export class MediationSection {
  @ApiProperty({ type: Number, description: 'Disputes whose mediation clock runs past its due date today.' })
  overdue: number;
  @ApiProperty({ type: Number })
  judicialConfirmations: number;
  @ApiProperty({ type: Number })
  confirmationsRejected: number;
  @ApiProperty({ type: Number })
  transfers: number;
  @ApiProperty({ type: Number })
  returns: number;
  @ApiProperty({ type: Number })
  referredToCourt: number;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(DisputeMetrics) } })
  byKind: Record<string, DisputeMetrics>;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(DisputeMetrics) } })
  byChannel: Record<string, DisputeMetrics>;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(DisputeMetrics) } })
  byCategory: Record<string, DisputeMetrics>;
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

export class CategoryRow {
  @ApiProperty({ type: String })
  category: string;
  @ApiProperty({ type: Number })
  grid: number;
  @ApiProperty({ type: Number })
  hotline: number;
  @ApiProperty({ type: Number })
  court: number;
  @ApiProperty({ type: Number })
  total: number;
}

export class StreetRow {
  @ApiProperty({ type: String })
  street: string;
  @ApiProperty({ type: Number })
  gridReceived: number;
  @ApiProperty({ type: Number })
  gridClosed: number;
  @ApiProperty({ type: Number, nullable: true })
  gridCompletionRate: number | null;
  @ApiProperty({ type: Number })
  ordersReceived: number;
  @ApiProperty({ type: Number })
  ordersClosed: number;
  @ApiProperty({ type: Number, nullable: true })
  ordersCompletionRate: number | null;
  @ApiProperty({ type: Number, nullable: true })
  onTimeReplyRate: number | null;
  @ApiProperty({ type: Number, nullable: true })
  satisfactionRate: number | null;
  @ApiProperty({ type: Number })
  disputes: number;
}

export class BodyRow {
  @ApiProperty({ type: String })
  bodyId: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: Number })
  received: number;
  @ApiProperty({ type: Number })
  concluded: number;
  @ApiProperty({ type: Number })
  agreements: number;
  @ApiProperty({ type: Number, nullable: true })
  successRate: number | null;
  @ApiProperty({ type: Number })
  returns: number;
  @ApiProperty({ type: Number })
  overdue: number;
}

export class AnnualReport {
  @ApiProperty({ type: [String] })
  text: string[];
  @ApiProperty({ type: Number })
  year: number;
  @ApiProperty({ type: () => GridMetrics })
  gridReports: GridMetrics;
  @ApiProperty({ type: () => ReportWorkOrders })
  workOrders: ReportWorkOrders;
  @ApiProperty({ type: () => MediationSection })
  mediation: MediationSection;
  @ApiProperty({ type: () => CourtReferralSection })
  courtReferrals: CourtReferralSection;
  @ApiProperty({
    type: () => [CategoryRow],
    description: 'Intake records that are disputes, by dispute category label and channel.',
  })
  disputesByCategory: CategoryRow[];
  @ApiProperty({ type: () => [StreetRow] })
  streets: StreetRow[];
  @ApiProperty({ type: () => [BodyRow] })
  bodies: BodyRow[];
  @ApiProperty({ type: String })
  generatedAt: string;
}
