import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsAmount } from '../common/amount.validator';
import { MOBILE_PHONE_RE } from '@tiaojie/personal-data';
import { UUID_RE } from '@tiaojie/core';

export class PartyDto {
  @ApiProperty({ example: '张三' }) @IsString() @Length(1, 100) name: string;
  @ApiPropertyOptional({ enum: ['person', 'organization'] })
  @IsOptional()
  @IsIn(['person', 'organization'])
  partyType?: 'person' | 'organization';
  @ApiPropertyOptional({ example: '13800000002' })
  @IsOptional()
  @IsString()
  @Matches(MOBILE_PHONE_RE, { message: 'phone must be an 11-digit mainland mobile number' })
  phone?: string;
  @ApiPropertyOptional({ example: '320612199001011234' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{17}[\dXx]$/, { message: 'idNumber must be 18 characters' })
  idNumber?: string;
}

export class ApplyDto {
  @ApiProperty({ example: 'neighbour' }) @IsString() @Length(1, 32) category: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) title?: string;
  @ApiProperty({ example: '楼上漏水导致我家天花板受损，协商未果。' })
  @IsString()
  @Length(5, 5000)
  description: string;
  @ApiProperty({ example: 'JS' }) @IsString() @Length(1, 32) streetCode: string;
  @ApiPropertyOptional({ example: 'JS01' }) @IsOptional() @IsString() @Length(1, 32) communityCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) address?: string;
  @ApiPropertyOptional({ example: 5000 }) @IsOptional() @IsAmount() claimAmount?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100000) peopleInvolved?: number;
  @ApiProperty({ type: PartyDto }) @ValidateNested() @Type(() => PartyDto) applicant: PartyDto;
  @ApiProperty({ type: [PartyDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PartyDto)
  respondents: PartyDto[];
}

export class VersionDto {
  @ApiProperty({ description: 'the case version you read (optimistic concurrency)' })
  @IsInt()
  @Min(1)
  version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export class ReturnDto extends VersionDto {
  @ApiProperty({ example: 'NOT_IN_SCOPE' }) @IsString() @Length(1, 40) reasonCode: string;
}

export class AssignDto extends VersionDto {
  @ApiProperty()
  @IsString()
  @Matches(UUID_RE, { message: 'mediatorId must be a UUID' })
  mediatorId: string;
}

export class ModeDto extends VersionDto {
  @ApiProperty({ enum: ['joint', 'caucus'] }) @IsIn(['joint', 'caucus']) mode: 'joint' | 'caucus';
}

export class AgreementDto extends VersionDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  terms: string[];
  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  performanceDueOn?: string;
}

export class SignDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code: string;
}

export class QueueQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) open?:
    'true' | 'false';
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{1,3}$/) limit?: string;
}

export class HistoryQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{1,15}$/) beforeSeq?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{1,3}$/) limit?: string;
}
