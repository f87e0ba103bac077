import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { CandidateEvaluation, Escalation } from '../routing/routing-decision.response.dto';
import { CaseListItem } from './case.response.dto';
import { MyLinkageRoom } from '../rooms/rooms.response.dto';

/** Response bodies, exactly as the services return them (checked against every e2e response). */

export class CaseParty {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  role: string;
  @ApiProperty({ type: String })
  partyType: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String, nullable: true })
  phone: string | null;
  @ApiProperty({ type: String, nullable: true })
  idNumber: string | null;
  @ApiProperty({ type: Boolean })
  linked: boolean;
  @ApiProperty({ type: Boolean })
  masked: boolean;
  @ApiPropertyOptional({
    enum: ['none', 'opened', 'signed_in'],
    enumName: 'PartyAccountStatus',
    description: 'Staff only: no account (未开通), never signed in (已开通), or signed in',
  })
  account?: 'none' | 'opened' | 'signed_in';
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'Staff only' })
  lastSignInAt?: string | null;
}

/** The court's referral (委派/委托) of a case a court referred. */
export class CaseReferral {
  @ApiProperty({ type: String })
  courtId: string;
  @ApiProperty({ type: String, description: 'pre_registration | post_registration' })
  referralType: string;
  @ApiProperty({ type: String })
  referralTypeLabel: string;
  @ApiProperty({ type: String, nullable: true })
  procedure: string | null;
  @ApiProperty({ type: String, nullable: true })
  procedureLabel: string | null;
  @ApiProperty({ type: String })
  courtCaseNumber: string;
  @ApiProperty({ type: String })
  causeOfAction: string;
  @ApiProperty({ type: String, nullable: true })
  judgeName: string | null;
  @ApiProperty({ type: String, description: 'YYYY-MM-DD' })
  referredOn: string;
  @ApiProperty({ type: Number })
  mediationDays: number;
}

/** One way the case was received: an intake record, or the case's own first receipt (`id` null). */
export class CaseIntake {
  @ApiProperty({ type: String, nullable: true })
  id: string | null;
  @ApiProperty({ type: String })
  channel: string;
  @ApiProperty({ type: String, nullable: true })
  sourceId: string | null;
  @ApiProperty({ type: String, nullable: true })
  source: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  receivedAt: string;
  @ApiProperty({ type: String, nullable: true })
  registeredBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '12345 orders only' })
  replyDueAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '12345 orders only' })
  replyDays: number | null;
  @ApiProperty({ type: String, nullable: true })
  satisfaction: string | null;
  @ApiProperty({ type: Boolean, description: 'Joined the open case as a repeat' })
  merged: boolean;
}

export class TimelineEntry {
  @ApiProperty({ type: String })
  at: string;
  @ApiProperty({ type: String })
  atText: string;
  @ApiProperty({ type: String })
  action: string;
  @ApiProperty({ type: String })
  label: string;
  @ApiProperty({ type: String })
  status: string;
  @ApiProperty({ type: String })
  statusLabel: string;
  @ApiProperty({ type: String })
  actorRole: string;
  @ApiProperty({ type: String, nullable: true })
  reason: string | null;
}

export class AgreementSignature {
  @ApiProperty({ type: String })
  partyId: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String })
  role: string;
  @ApiProperty({ type: Boolean })
  signed: boolean;
  @ApiProperty({ type: String, nullable: true })
  signedAt: string | null;
}

export class AgreementView {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: [String] })
  terms: string[];
  @ApiProperty({ type: String, nullable: true })
  performanceDueOn: string | null;
  @ApiProperty({ type: String })
  status: string;
  @ApiProperty({ type: String })
  contentHash: string;
  @ApiProperty({ type: String, nullable: true })
  signedAt: string | null;
  @ApiProperty({ type: () => [AgreementSignature] })
  signatures: AgreementSignature[];
}

export class CaseRoomRef extends PickType(MyLinkageRoom, ['id', 'kind', 'title', 'lastSeq'] as const) {
  @ApiProperty({ type: String, nullable: true })
  partyId: string | null;
}

/** What staff see of the routing decision: the engine's summary, or a manual assignment's reason. */
export class CaseRoutingSummary {
  @ApiProperty({ type: String })
  why: string;
  @ApiProperty({ type: String, nullable: true })
  bodyId: string | null;
  @ApiPropertyOptional({ type: Boolean })
  manual?: boolean;
  @ApiPropertyOptional({ type: String })
  whyEn?: string;
  @ApiPropertyOptional({ enum: ['assigned', 'district_admin_queue'], enumName: 'RoutingOutcome' })
  outcome?: 'assigned' | 'district_admin_queue';
  @ApiPropertyOptional({ type: String, nullable: true })
  queueReason?: string | null;
  @ApiPropertyOptional({ type: () => Escalation, nullable: true })
  escalation?: Escalation | null;
  @ApiPropertyOptional({ type: Number })
  returnsCount?: number;
  @ApiPropertyOptional({ type: [String] })
  rulesMatched?: string[];
  @ApiPropertyOptional({ type: () => [CandidateEvaluation] })
  candidates?: CandidateEvaluation[];
}

/** A case as its detail page shows it: the list item's fields and what only the detail carries. */
export class CaseDetail extends CaseListItem {
  @ApiPropertyOptional({ type: Boolean })
  formerHandler?: boolean;
  @ApiProperty({ type: () => [CaseParty] })
  parties: CaseParty[];
  @ApiProperty({
    enum: [
      'party',
      'applicant',
      'handling_body',
      'assigned_mediator',
      'district',
      'court',
      'creator',
      'former_body',
      'any',
    ],
    enumName: 'Relation',
    isArray: true,
  })
  relations: (
    | 'party'
    | 'applicant'
    | 'handling_body'
    | 'assigned_mediator'
    | 'district'
    | 'court'
    | 'creator'
    | 'former_body'
    | 'any'
  )[];
  @ApiProperty({ type: [String] })
  availableActions: string[];
  @ApiProperty({ type: () => [TimelineEntry] })
  timeline: TimelineEntry[];
  @ApiProperty({ type: () => AgreementView, nullable: true })
  agreement: AgreementView | null;
  @ApiProperty({ type: () => [CaseRoomRef] })
  rooms: CaseRoomRef[];
  @ApiPropertyOptional({ type: String })
  description?: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  address?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true })
  claimAmount?: number | null;
  @ApiPropertyOptional({ type: Number })
  peopleInvolved?: number;
  @ApiPropertyOptional({ type: String, nullable: true })
  outcome?: string | null;
  @ApiPropertyOptional({
    type: () => CaseRoutingSummary,
    nullable: true,
    description: 'Staff only (null for parties, absent for former handlers)',
  })
  routing?: CaseRoutingSummary | null;
  @ApiPropertyOptional({ type: () => CaseReferral, nullable: true })
  referral?: CaseReferral | null;
  @ApiPropertyOptional({
    type: () => [CaseIntake],
    nullable: true,
    description: 'Staff only (null for parties, absent for former handlers)',
  })
  intakes?: CaseIntake[] | null;
}
