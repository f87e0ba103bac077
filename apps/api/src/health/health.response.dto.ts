import { CASE_STATUSES, type CaseStatus } from '@tiaojie/cases';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Role } from '@tiaojie/core';

/** Response bodies, exactly as the services return them (checked against every e2e response). */

export class Health {
  @ApiProperty({ type: String })
  status: string;
  @ApiProperty({ enum: ['pglite', 'postgres'], enumName: 'HealthDatabase' })
  database: 'pglite' | 'postgres';
  /** 'ok': writes work (503 STORAGE_UNAVAILABLE otherwise). */
  @ApiProperty({ enum: ['ok'], enumName: 'HealthStorage' })
  storage: 'ok';
  @ApiProperty({ type: String })
  time: string;
}

export class LifecycleStatus {
  @ApiProperty({ type: String })
  label: string;
  @ApiProperty({ type: Number })
  stage: number;
  @ApiProperty({ type: String })
  next: string;
}

export class Permission {
  @ApiProperty({ enum: Role, enumName: 'Role' })
  role: Role;
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
  })
  relation:
    | 'party'
    | 'applicant'
    | 'handling_body'
    | 'assigned_mediator'
    | 'district'
    | 'court'
    | 'creator'
    | 'former_body'
    | 'any';
}

export class TransitionDef {
  @ApiProperty({ type: String })
  action: string;
  @ApiProperty({ type: String })
  label: string;
  @ApiProperty({
    enum: Object.keys(CASE_STATUSES),
    enumName: 'CaseStatus',
    isArray: true,
  })
  from: CaseStatus[];
  @ApiProperty({
    type: String,
    enum: Object.keys(CASE_STATUSES),
    nullable: true,
    description: 'Target state; `null` keeps the state (e.g. assigning a mediator).',
  })
  to: CaseStatus | null;
  @ApiProperty({ type: () => [Permission] })
  by: Permission[];
  @ApiPropertyOptional({ type: Boolean })
  requiresReason?: boolean;
  @ApiPropertyOptional({
    enum: ['mediation', 'judicial_confirmation', 'performance'],
    enumName: 'DeadlineClock',
  })
  startsClock?: 'mediation' | 'judicial_confirmation' | 'performance';
  @ApiPropertyOptional({
    enum: ['mediation', 'judicial_confirmation', 'performance'],
    enumName: 'DeadlineClock',
  })
  stopsClock?: 'mediation' | 'judicial_confirmation' | 'performance';
}

export class Lifecycle {
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(LifecycleStatus) } })
  statuses: Record<string, LifecycleStatus>;
  @ApiProperty({ type: () => [TransitionDef] })
  transitions: TransitionDef[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  returnReasons: Record<string, string>;
}

export class CategoryEntry {
  @ApiProperty({ type: String })
  code: string;
  @ApiProperty({ type: String })
  label: string;
}

export class CommunityEntry {
  @ApiProperty({ type: String })
  code: string;
  @ApiProperty({ type: String })
  name: string;
}

export class StreetEntry {
  @ApiProperty({ type: () => [CommunityEntry] })
  communities: CommunityEntry[];
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String })
  code: string;
}

export class OrganizationEntry {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  code: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String })
  kind: string;
  @ApiProperty({ type: String })
  level: string;
  @ApiProperty({ type: [String] })
  categories: string[];
  @ApiProperty({ type: Boolean })
  active: boolean;
}

export class Directory {
  @ApiProperty({ type: () => [CategoryEntry] })
  categories: CategoryEntry[];
  @ApiProperty({ type: () => [StreetEntry] })
  streets: StreetEntry[];
  @ApiProperty({ type: () => [OrganizationEntry] })
  organizations: OrganizationEntry[];
}
