import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CASE_REGIMES } from '@tiaojie/deadlines';

const DATE_OR_RANGE = /^\d{4}-\d{2}-\d{2}(\/\d{4}-\d{2}-\d{2})?$/;

export class CalendarYearDto {
  @ApiProperty({
    type: [String],
    example: ['2027-01-01', '2027-02-06/2027-02-14'],
    description: "holidays: 'YYYY-MM-DD' or inclusive 'start/end'",
  })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Matches(DATE_OR_RANGE, { each: true, message: 'holidays: YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD' })
  holidays: string[];

  @ApiProperty({
    type: [String],
    example: ['2027-02-20'],
    description: 'make-up workdays (调休上班) on weekends',
  })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Matches(DATE_OR_RANGE, { each: true, message: 'makeupWorkdays: YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD' })
  makeupWorkdays: string[];

  @ApiPropertyOptional({ example: '国办发明电〔2026〕X号' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string;

  @ApiPropertyOptional({
    description: 'the version read (0 = the year is not in the database yet); omit to overwrite',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  version?: number;
}

export class ComputeDeadlineDto {
  @ApiProperty({ enum: CASE_REGIMES }) @IsIn([...CASE_REGIMES]) regime: string;
  @ApiProperty({ example: '2026-02-13T02:00:00.000Z' }) @IsDateString({ strict: true }) start: string;
  @ApiPropertyOptional({ description: 'per-case N (required for work_order_reply)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  days?: number;
}
