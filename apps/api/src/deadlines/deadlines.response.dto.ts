import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Response bodies, exactly as the services return them (checked against every e2e response). */

export class ExtensionRule {
  @ApiProperty({ type: Number, description: 'How many extensions may be granted in total.' })
  maxCount: number;
  @ApiProperty({ type: Number, description: "Longest single extension, in the policy's unit." })
  maxDaysEach: number;
  @ApiProperty({ enum: ['court', 'none', 'all_parties'], enumName: 'ExtensionConsent' })
  consent: 'court' | 'none' | 'all_parties';
  @ApiProperty({ type: Boolean })
  reasonRequired: boolean;
  @ApiPropertyOptional({
    type: String,
    description: 'Who must be told the reason (informational, e.g. the petitioner under 信访工作条例).',
  })
  reasonToldTo?: string;
}

export class DeadlinePolicy {
  @ApiProperty({ type: String })
  regime: string;
  @ApiProperty({ type: String, description: 'Chinese name for screens and notices.' })
  label: string;
  @ApiProperty({ enum: ['calendar_days', 'working_days'], enumName: 'DayUnit' })
  unit: 'calendar_days' | 'working_days';
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Default N; null when N must be given per case (12345 orders carry their own N).',
  })
  days: number | null;
  @ApiProperty({
    type: String,
    description: 'The event the count starts from, for people reading the policy.',
  })
  startsFrom: string;
  @ApiProperty({ type: () => ExtensionRule, nullable: true })
  extension: ExtensionRule | null;
  @ApiPropertyOptional({
    type: Boolean,
    description:
      "When true and the last day is not a working day, the deadline moves to the next working day (the Civil Procedure Law's rule for periods). Off by default: the domain reference counts calendar days plainly.",
  })
  endOnWorkingDay?: boolean;
  @ApiPropertyOptional({
    type: Boolean,
    description: 'The working-day rule binds (court periods); a policy that turns it off is refused.',
  })
  endOnWorkingDayBinding?: boolean;
  @ApiProperty({ type: String })
  source: string;
}

export class DeadlineWarning {
  @ApiProperty({ enum: ['CALENDAR_YEAR_NOT_COVERED'], enumName: 'CalendarWarningCode' })
  code: 'CALENDAR_YEAR_NOT_COVERED';
  @ApiProperty({ type: Number })
  year: number;
  @ApiProperty({ type: String })
  message: string;
}

export class ComputedDeadline {
  @ApiProperty({ type: String })
  dueAt: string;
  @ApiProperty({ type: String })
  regime: string;
  @ApiProperty({ enum: ['calendar_days', 'working_days'], enumName: 'DayUnit' })
  unit: 'calendar_days' | 'working_days';
  @ApiProperty({ type: String, description: 'Business date of `start` (Asia/Shanghai); not counted.' })
  startDate: string;
  @ApiProperty({ type: Number })
  baseDays: number;
  @ApiProperty({ type: Number })
  extensionDays: number;
  @ApiProperty({ type: Number })
  pausedDays: number;
  @ApiProperty({ type: Number })
  totalDays: number;
  @ApiProperty({ type: String, description: 'Last business date of the limit.' })
  dueDate: string;
  @ApiProperty({ type: () => [DeadlineWarning] })
  warnings: DeadlineWarning[];
}

export class CalendarYearView {
  @ApiProperty({ type: Number })
  year: number;
  @ApiProperty({ enum: ['built_in', 'admin', 'admin_over_built_in'], enumName: 'CalendarYearViewOrigin' })
  origin: 'built_in' | 'admin' | 'admin_over_built_in';
  @ApiProperty({ type: [String] })
  holidays: string[];
  @ApiProperty({ type: [String] })
  makeupWorkdays: string[];
  @ApiProperty({ type: String, nullable: true })
  source: string | null;
  @ApiProperty({ type: Number })
  version: number;
  @ApiProperty({ type: String, nullable: true })
  updatedAt: string | null;
}

export class CoverageWarning {
  @ApiProperty({
    enum: ['horizon', 'open_cases', 'computed'],
    enumName: 'CoverageWarningReason',
    description:
      'horizon: the year is within the next months; open_cases: running deadlines fall in it; computed: a recent computation fell in it.',
  })
  reason: 'horizon' | 'open_cases' | 'computed';
  @ApiPropertyOptional({ type: Number })
  count?: number;
  @ApiProperty({ enum: ['CALENDAR_YEAR_NOT_COVERED'], enumName: 'CalendarWarningCode' })
  code: 'CALENDAR_YEAR_NOT_COVERED';
  @ApiProperty({ type: Number })
  year: number;
  @ApiProperty({ type: String })
  message: string;
}

export class CalendarCoverage {
  @ApiProperty({ type: String })
  today: string;
  @ApiProperty({ type: [Number] })
  builtInYears: number[];
  @ApiProperty({ type: [Number] })
  adminYears: number[];
  @ApiProperty({ type: [Number] })
  coveredYears: number[];
  @ApiProperty({ type: () => [CoverageWarning] })
  warnings: CoverageWarning[];
}
