import { CallRecord } from '../calls/calls.response.dto';
import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';

/** Response bodies, exactly as the services return them (checked against every e2e response). */

export class MediationSession {
  @ApiProperty({ type: String, nullable: true })
  record: string | null;
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  disputeId: string;
  @ApiProperty({ type: String, format: 'date-time' })
  scheduledAt: string;
  @ApiProperty({ type: Boolean })
  online: boolean;
  @ApiProperty({ type: String, nullable: true })
  place: string | null;
  @ApiProperty({ type: String, description: 'joint | caucus' })
  mode: string;
  @ApiProperty({ type: [String] })
  participants: string[];
  @ApiProperty({ type: String, nullable: true })
  recordedBy: string | null;
  @ApiProperty({ type: String })
  createdBy: string;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

export class ConsentMissingParty {
  @ApiProperty({ type: String })
  partyId: string;
  @ApiProperty({ type: String })
  name: string;
}

export class ConsentGiven {
  @ApiProperty({ type: String })
  partyId: string;
  @ApiProperty({ type: String })
  at: string;
}

export class OnlineConsent {
  @ApiProperty({ type: Boolean })
  allConsented: boolean;
  @ApiProperty({ type: () => [ConsentMissingParty] })
  missing: ConsentMissingParty[];
  @ApiProperty({ type: () => [ConsentGiven] })
  consented: ConsentGiven[];
}

export class ListedSession extends MediationSession {
  @ApiProperty({
    type: () => CallRecord,
    nullable: true,
    description: '线上调解的视频通话记录（参加人员、方式切换、录像）；线下调解为 null',
  })
  call: CallRecord | null;
}

export class SessionList {
  @ApiProperty({ type: () => [ListedSession] })
  sessions: ListedSession[];
  @ApiProperty({ type: () => OnlineConsent })
  consent: OnlineConsent;
}

export class CaseListItem {
  @ApiProperty({ type: String })
  number: string;
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  kind: string;
  @ApiProperty({ type: String })
  category: string;
  @ApiProperty({ type: String })
  channel: string;
  @ApiProperty({ type: String })
  title: string;
  @ApiProperty({ type: String, nullable: true })
  streetCode: string | null;
  @ApiProperty({ type: String })
  status: string;
  @ApiProperty({ type: Number })
  version: number;
  @ApiProperty({ type: String, nullable: true })
  bodyId: string | null;
  @ApiProperty({ type: String, nullable: true })
  mediatorId: string | null;
  @ApiProperty({ enum: ['joint', 'caucus'], enumName: 'SessionMode' })
  sessionMode: string;
  @ApiProperty({ type: String, nullable: true })
  deadlineRegime: string | null;
  @ApiProperty({ type: Boolean })
  enterpriseRelated: boolean;
  @ApiProperty({ type: String })
  categoryLabel: string;
  @ApiProperty({ type: String })
  statusLabel: string;
  @ApiProperty({ type: String, nullable: true })
  dueAt: string | null;
  @ApiProperty({ type: String })
  createdAt: string;
  @ApiProperty({ type: String })
  updatedAt: string;
}

export class PerformanceItem {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  disputeId: string;
  @ApiProperty({ type: String })
  description: string;
  @ApiProperty({ type: String })
  dueOn: string;
  @ApiProperty({ type: String, description: 'pending | done | breached' })
  status: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  doneAt: string | null;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
}

export class CaseRating {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String, format: 'date-time' })
  at: string;
  @ApiProperty({ type: String })
  disputeId: string;
  @ApiProperty({ type: String, nullable: true })
  recordedBy: string | null;
  @ApiProperty({ type: String, nullable: true })
  partyId: string | null;
  @ApiProperty({ type: String })
  rating: string;
  @ApiProperty({ type: String, nullable: true })
  comment: string | null;
  @ApiProperty({ type: String })
  source: string;
}

export class QueueItem extends CaseListItem {
  @ApiProperty({ enum: ['none', 'overdue', 'due_soon', 'ok'], enumName: 'Urgency' })
  urgency: 'none' | 'overdue' | 'due_soon' | 'ok';
}

export class SignCodeSent {
  @ApiProperty({ type: Boolean })
  sent: boolean;
}

export class PartyPersonalData {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String, nullable: true })
  phone: string | null;
  @ApiProperty({ type: String, nullable: true })
  idNumber: string | null;
  @ApiProperty({ type: Boolean })
  masked: boolean;
}

export class SessionCancelled {
  @ApiProperty({ type: Boolean, enum: [true] })
  cancelled: true;
}

export class IntakeOutcome {
  @ApiProperty({ enum: ['created', 'merged', 'review'], enumName: 'IntakeOutcomeKind' })
  outcome: 'created' | 'merged' | 'review';
  @ApiProperty({ type: String, nullable: true })
  intakeRecordId: string | null;
  @ApiProperty({ type: String, nullable: true, description: '疑似重复的在办案件编号' })
  candidateNumber: string | null;
}

/** A registration: the case (new or the open one it repeats), or only `intake` with `id` null while under review. */
export class RegisterResult extends PartialType(OmitType(CaseListItem, ['id'] as const)) {
  @ApiProperty({ type: String, nullable: true })
  id: string | null;
  @ApiProperty({ type: () => IntakeOutcome })
  intake: IntakeOutcome;
}
