import { CASE_STATUSES, type CaseStatus } from '@tiaojie/cases';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AgreementView, TimelineEntry } from './case-detail.response.dto';

/** Response bodies, exactly as the services return them (checked against every e2e response). */

export class DeadlineText {
  @ApiProperty({ type: String })
  dueAt: string;
  @ApiProperty({ type: String })
  text: string;
  @ApiProperty({ type: String })
  remaining: string;
  @ApiPropertyOptional({
    enum: ['none', 'overdue', 'due_soon', 'ok'],
    enumName: 'Urgency',
    description: 'The mediation deadline only',
  })
  urgency?: 'none' | 'overdue' | 'due_soon' | 'ok';
}

export class CaseStatusView {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  number: string;
  @ApiProperty({ type: String })
  title: string;
  @ApiProperty({
    enum: Object.keys(CASE_STATUSES),
    enumName: 'CaseStatus',
  })
  status: CaseStatus;
  @ApiProperty({ type: String })
  statusLabel: string;
  @ApiProperty({ type: Number })
  stage: number;
  @ApiProperty({ type: [String] })
  stages: string[];
  @ApiProperty({ type: String })
  nextStep: string;
  @ApiProperty({ enum: ['joint', 'caucus'], enumName: 'SessionMode' })
  sessionMode: string;
  @ApiProperty({ type: () => DeadlineText, nullable: true })
  deadline: DeadlineText | null;
  @ApiProperty({ type: () => DeadlineText, nullable: true })
  judicialConfirmation: DeadlineText | null;
  @ApiProperty({ type: () => [TimelineEntry] })
  timeline: TimelineEntry[];
  @ApiProperty({ type: () => AgreementView, nullable: true })
  agreement: AgreementView | null;
  @ApiProperty({ type: [String] })
  availableActions: string[];
}
