import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
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
import { EmptyBodyAllowed } from '../common/non-empty-body';
import { PartyDto, VersionDto } from './case.dto';
import { MOBILE_PHONE_RE } from '@tiaojie/personal-data';
import { UUID_RE } from '@tiaojie/core';

export class AgentDto {
  @ApiProperty() @IsString() @Length(1, 100) name: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(MOBILE_PHONE_RE, { message: 'phone must be an 11-digit mainland mobile number' })
  phone?: string;
  @ApiPropertyOptional({ enum: ['entrusted', 'statutory'] })
  @IsOptional()
  @IsIn(['entrusted', 'statutory'])
  agentType?: 'entrusted' | 'statutory';
  @ApiProperty({ description: '授权委托书 reference or text' })
  @IsString()
  @Length(2, 2000)
  powerOfAttorney: string;
}

export class RolePartyDto extends PartyDto {
  @ApiProperty({ enum: ['applicant', 'respondent', 'third_party'] })
  @IsIn(['applicant', 'respondent', 'third_party'])
  role: 'applicant' | 'respondent' | 'third_party';
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) representative?: string;
  @ApiPropertyOptional({ type: AgentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgentDto)
  agent?: AgentDto;
}

export class AssistanceDto {
  @ApiProperty() @IsBoolean() consent: boolean;
  @ApiProperty({ enum: ['verbal', 'written', 'fingerprint'] })
  @IsIn(['verbal', 'written', 'fingerprint'])
  method: 'verbal' | 'written' | 'fingerprint';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class RegisterDto {
  @ApiProperty({ enum: ['window', 'petition', 'grid', 'hotline_12345', 'enterprise'] })
  @IsIn(['window', 'petition', 'grid', 'hotline_12345', 'enterprise'])
  channel: 'window' | 'petition' | 'grid' | 'hotline_12345' | 'enterprise';
  @ApiPropertyOptional({ enum: ['peoples', 'administrative'] })
  @IsOptional()
  @IsIn(['peoples', 'administrative'])
  kind?: 'peoples' | 'administrative';
  @ApiProperty() @IsString() @Length(1, 40) category: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) title?: string;
  @ApiProperty() @IsString() @Length(5, 5000) description: string;
  @ApiProperty() @IsString() @Length(1, 32) streetCode: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 32) communityCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsAmount() claimAmount?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100000) peopleInvolved?: number;
  @ApiProperty({ type: [RolePartyDto] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RolePartyDto)
  parties: RolePartyDto[];
  @ApiPropertyOptional({ type: AssistanceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AssistanceDto)
  assistance?: AssistanceDto;
  @ApiPropertyOptional({ description: "the channel's own number (12345 工单编号, 网格事件编号, 信访件编号)" })
  @IsOptional()
  @Matches(/^[A-Za-z0-9\u4e00-\u9fff（）()〔〕[\]._:-]{1,60}$/, {
    message: 'sourceId must be 1-60 letters, digits, Chinese characters or ( ) [ ] . _ : -',
  })
  sourceId?: string;
  @ApiPropertyOptional({ enum: ['省市网', '海心安', '本市级'], description: '12345 only: 工单来源' })
  @IsOptional()
  @IsIn(['省市网', '海心安', '本市级'])
  source?: '省市网' | '海心安' | '本市级';
  @ApiPropertyOptional({
    description: '12345 only: 办理时限, working days after the handling body signs off (签收); default 5',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  replyDays?: number;
}

export class CourtReferralDto {
  @ApiProperty({ enum: ['pre_registration', 'post_registration'] })
  @IsIn(['pre_registration', 'post_registration'])
  referralType: 'pre_registration' | 'post_registration';
  @ApiPropertyOptional({ enum: ['ordinary', 'simple'] })
  @IsOptional()
  @IsIn(['ordinary', 'simple'])
  procedure?: 'ordinary' | 'simple';
  @ApiProperty({ example: '（2026）苏0612民诉前调12号' }) @IsString() @Length(6, 60) courtCaseNumber: string;
  @ApiProperty({ example: '买卖合同纠纷' }) @IsString() @Length(2, 60) causeOfAction: string;
  @ApiProperty({ example: 'contract' }) @IsString() @Length(1, 40) category: string;
  @ApiPropertyOptional() @IsOptional() @IsAmount() claimAmount?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) judgeName?: string;
  @ApiProperty({ example: '2026-11-20' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'referredOn must be YYYY-MM-DD' })
  referredOn: string;
  @ApiProperty({ example: 'JS' }) @IsString() @Length(1, 32) streetCode: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiProperty({ type: [RolePartyDto] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RolePartyDto)
  parties: RolePartyDto[];
}

export class TransferDto extends VersionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(UUID_RE, { message: 'targetBodyId must be a UUID' })
  targetBodyId?: string;
  @ApiPropertyOptional({ enum: ['peoples', 'administrative', 'judicial'] })
  @IsOptional()
  @IsIn(['peoples', 'administrative', 'judicial'])
  kind?: 'peoples' | 'administrative' | 'judicial';
}

export class ExtendDto extends VersionDto {
  @ApiProperty() @IsInt() @Min(1) @Max(90) days: number;
  @ApiPropertyOptional({ type: [String], description: "party ids consenting, or 'court'" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  consentBy?: string[];
}

export class ScheduleDto {
  @ApiProperty({ example: '2026-12-01T09:30:00+08:00' }) @IsISO8601() scheduledAt: string;
  @ApiProperty() @IsBoolean() online: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) place?: string;
  @ApiProperty({ enum: ['joint', 'caucus'] }) @IsIn(['joint', 'caucus']) mode: 'joint' | 'caucus';
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  participants: string[];
}

export class RescheduleDto {
  @ApiProperty({ example: '2026-12-03T14:00:00+08:00' }) @IsISO8601() scheduledAt: string;
  @ApiProperty() @IsBoolean() online: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) place?: string;
}

@EmptyBodyAllowed()
export class CancelSessionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class SessionRecordDto {
  @ApiProperty() @IsString() @Length(1, 100000) record: string;
}

export class PerformanceItemDto {
  @ApiProperty() @IsString() @Length(1, 500) description: string;
  @ApiProperty() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueOn must be YYYY-MM-DD' }) dueOn: string;
}

export class StartPerformanceDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiProperty({ type: [PerformanceItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PerformanceItemDto)
  items: PerformanceItemDto[];
}

export class PerformanceRecordDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiProperty({ enum: ['done', 'breached'] }) @IsIn(['done', 'breached']) status: 'done' | 'breached';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class RateDto {
  @ApiProperty({ enum: ['满意', '基本满意', '不满意'] }) @IsString() rating: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) comment?: string;
}

export class FollowUpDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiProperty({ enum: ['满意', '基本满意', '不满意'] }) @IsString() rating: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

/** 申请强制执行: the version read and an optional note for the court. */
export class EnforcementApplyDto extends VersionDto {
  @ApiPropertyOptional({ description: 'note for the court (申请事项、未履行情况)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ConfirmationApplyDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}
