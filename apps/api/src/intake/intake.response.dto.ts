import { ApiProperty } from '@nestjs/swagger';

/** Response bodies, exactly as the services return them (checked against every e2e response). */

export class RejectedSummary {
  @ApiProperty({ type: Number })
  line: number;
  @ApiProperty({ type: String, nullable: true })
  column: string | null;
  @ApiProperty({ type: String })
  reason: string;
}

export class ImportSummary {
  @ApiProperty({ type: String })
  runId: string;
  @ApiProperty({ type: String })
  file: string;
  @ApiProperty({ enum: ['work-order', 'grid-report', 'court-referral'], enumName: 'IntakeFormat' })
  format: 'work-order' | 'grid-report' | 'court-referral';
  @ApiProperty({ type: Number })
  rows: number;
  @ApiProperty({ type: Number })
  created: number;
  @ApiProperty({ type: Number })
  updated: number;
  @ApiProperty({ type: Number })
  unchanged: number;
  @ApiProperty({ type: () => [RejectedSummary] })
  rejected: RejectedSummary[];
  @ApiProperty({ type: Number })
  disputesCreated: number;
  @ApiProperty({ type: Number })
  linked: number;
  @ApiProperty({ type: Number })
  queuedForReview: number;
  @ApiProperty({ type: Number })
  durationMs: number;
}

export class ImportRun {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  status: string;
  @ApiProperty({ type: String, nullable: true })
  actorId: string | null;
  @ApiProperty({ type: String })
  file: string;
  @ApiProperty({ type: String, nullable: true })
  format: string | null;
  @ApiProperty({ type: String })
  origin: string;
  @ApiProperty({ type: Number })
  rows: number;
  @ApiProperty({ type: Number })
  created: number;
  @ApiProperty({ type: Number })
  updated: number;
  @ApiProperty({ type: Number })
  unchanged: number;
  @ApiProperty({ type: Number })
  rejected: number;
  @ApiProperty({ type: Number })
  disputesCreated: number;
  @ApiProperty({ type: Number })
  linked: number;
  @ApiProperty({ type: Number })
  queuedForReview: number;
  @ApiProperty({ type: String, nullable: true })
  errorCode: string | null;
  @ApiProperty({ type: String, nullable: true })
  errorMessage: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;
}

export class DuplicateReason {
  @ApiProperty({ type: String })
  code: string;
  @ApiProperty({
    type: Number,
    description: 'Contribution to the score (negative for conflicting evidence).',
  })
  weight: number;
  @ApiProperty({ type: String, description: 'Readable Chinese detail.' })
  detail: string;
}

export class PartyView {
  @ApiProperty({ type: String, nullable: true })
  name: string | null;
  @ApiProperty({ type: String, nullable: true })
  phone: string | null;
  @ApiProperty({ type: String, nullable: true })
  idNumber: string | null;
}

export class DuplicateRecord {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  channel: string;
  @ApiProperty({ type: String })
  sourceId: string;
  @ApiProperty({ type: String, nullable: true })
  disputeId: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  acceptedAt: string;
  @ApiProperty({ type: String, nullable: true })
  street: string | null;
  @ApiProperty({ type: String })
  category: string;
  @ApiProperty({ type: () => [PartyView] })
  people: PartyView[];
}

export class DuplicateReview {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  status: string;
  @ApiProperty({ type: String })
  confidence: string;
  @ApiProperty({ type: Number })
  score: number;
  @ApiProperty({ type: () => [DuplicateReason] })
  reasons: DuplicateReason[];
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true })
  decisionNote: string | null;
  @ApiProperty({ type: () => DuplicateRecord })
  a: DuplicateRecord;
  @ApiProperty({ type: () => DuplicateRecord })
  b: DuplicateRecord;
}

export class DuplicateDecision {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String })
  status: string;
  @ApiProperty({ type: String })
  recordA: string;
  @ApiProperty({ type: String })
  recordB: string;
  @ApiProperty({ type: String })
  confidence: string;
  @ApiProperty({ type: String })
  score: string;
  @ApiProperty({ type: () => [DuplicateReason] })
  reasons: DuplicateReason[];
  @ApiProperty({ type: String, nullable: true })
  decidedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true })
  decisionNote: string | null;
}

export class WebhookAccepted {
  @ApiProperty({ type: String })
  deliveryId: string;
  @ApiProperty({
    enum: ['accepted', 'duplicate'],
    enumName: 'WebhookAcceptedStatus',
    description:
      "'accepted' the first time, 'duplicate' when the idempotency key was seen with the same body.",
  })
  status: 'accepted' | 'duplicate';
}

export class UnknownStreetName {
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: Number, description: 'Imported records that carry the name' })
  records: number;
  @ApiProperty({ type: Number, description: 'Disputes still waiting to be routed for want of a street' })
  waitingDisputes: number;
}

export class StreetMappingResult {
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String })
  streetCode: string;
  @ApiProperty({ type: Number, description: 'Waiting imported disputes that now have the street' })
  placed: number;
  @ApiProperty({ type: Number, description: 'Of those, the ones the rules sent to a body' })
  routed: number;
  @ApiProperty({ type: Number })
  toDistrictQueue: number;
}
