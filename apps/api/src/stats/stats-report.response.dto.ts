import { ApiProperty, IntersectionType, PickType, getSchemaPath } from '@nestjs/swagger';
import {
  CourtReferralSection,
  DashboardBreakdowns,
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

export class MediationSection extends IntersectionType(
  DisputeMetrics,
  PickType(DashboardBreakdowns, ['byKind', 'byChannel', 'byCategory'] as const),
) {
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
