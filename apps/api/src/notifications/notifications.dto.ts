import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, Matches } from 'class-validator';

export class InboxQueryDto {
  @ApiPropertyOptional({ description: '1-200, default 50' })
  @IsOptional()
  @Matches(/^\d{1,3}$/)
  limit?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) unread?:
    'true' | 'false';
  @ApiPropertyOptional({ description: 'page: notifications created before this instant' })
  @IsOptional()
  @IsDateString({ strict: true })
  before?: string;
}

export class DeadLetterQueryDto {
  @ApiPropertyOptional({ description: '1-500, default 100' })
  @IsOptional()
  @Matches(/^\d{1,3}$/)
  limit?: string;
}
