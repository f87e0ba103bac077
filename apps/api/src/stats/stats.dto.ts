import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class DashboardQueryDto {
  @ApiProperty({ example: '2024-01-01' }) @Matches(DATE, { message: 'from must be YYYY-MM-DD' }) from: string;
  @ApiProperty({ example: '2025-01-01', description: 'exclusive' })
  @Matches(DATE, { message: 'to must be YYYY-MM-DD' })
  to: string;
  @ApiPropertyOptional({
    enum: ['grid', 'hotline_12345', 'court', 'online', 'window', 'petition', 'enterprise'],
  })
  @IsOptional()
  @IsIn(['grid', 'hotline_12345', 'court', 'online', 'window', 'petition', 'enterprise'])
  channel?: string;
  @ApiPropertyOptional({ enum: ['省市网', '海心安', '本市级'] })
  @IsOptional()
  @IsIn(['省市网', '海心安', '本市级'])
  source?: string;
  @ApiPropertyOptional({ example: '东湖街道' }) @IsOptional() @MaxLength(50) street?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() bodyId?: string;
  @ApiPropertyOptional({ enum: ['day', 'month'] }) @IsOptional() @IsIn(['day', 'month']) granularity?:
    'day' | 'month';
}

export class WarningQueryDto {
  @ApiPropertyOptional({ example: '2024-12-31' })
  @IsOptional()
  @Matches(DATE, { message: 'asOf must be YYYY-MM-DD' })
  asOf?: string;
  @ApiPropertyOptional({ example: '90' })
  @IsOptional()
  @Matches(/^([1-9]\d{0,2})$/, { message: 'windowDays must be 1–999' })
  windowDays?: string;
}
