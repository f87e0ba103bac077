import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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
import { UUID_RE } from '@tiaojie/core';

const CODE = /^[A-Za-z0-9_-]{1,64}$/;

export class RuleConditionsDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  categories?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  streets?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  communities?: string[];
  @ApiPropertyOptional() @IsOptional() @IsAmount() claimAmountMin?: number;
  @ApiPropertyOptional() @IsOptional() @IsAmount() claimAmountMax?: number;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  partyTypes?: string[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) peopleInvolvedMin?: number;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  channels?: string[];
  @ApiPropertyOptional({ type: [String], description: 'peoples | administrative | judicial' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsString({ each: true })
  disputeKinds?: string[];
}

export class BodySelectorDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  kinds?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  levels?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() matchCategory?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() inJurisdiction?: boolean;
}

export class RuleTargetDto {
  @ApiProperty({ enum: ['bodies', 'selector'] }) @IsIn(['bodies', 'selector']) type: 'bodies' | 'selector';
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  bodyIds?: string[];
  @ApiPropertyOptional({ type: BodySelectorDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BodySelectorDto)
  selector?: BodySelectorDto;
}

export class RuleDto {
  @ApiProperty({ example: 'specialised-street' })
  @Matches(CODE, { message: 'id: letters, digits, - and _' })
  id: string;
  @ApiProperty() @IsString() @Length(1, 100) name: string;
  @ApiProperty() @IsInt() @Min(0) @Max(10000) priority: number;
  @ApiProperty() @IsInt() @Min(0) @Max(10000) weight: number;
  @ApiProperty() @IsBoolean() enabled: boolean;
  @ApiProperty({ type: RuleConditionsDto })
  @ValidateNested()
  @Type(() => RuleConditionsDto)
  conditions: RuleConditionsDto;
  @ApiProperty({ type: RuleTargetDto }) @ValidateNested() @Type(() => RuleTargetDto) target: RuleTargetDto;
}

export class SaveRulesDto {
  @ApiProperty({ type: [RuleDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RuleDto)
  rules: RuleDto[];
}

export class DryRunPartyDto {
  @ApiProperty({ enum: ['individual', 'enterprise', 'organisation', 'government'] })
  @IsIn(['individual', 'enterprise', 'organisation', 'government'])
  type: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(5) @IsString({ each: true }) keys: string[];
}

export class DryRunReturnDto {
  @ApiProperty() @IsString() @MaxLength(64) bodyId: string;
  @ApiProperty() @IsString() @MaxLength(40) reason: string;
}

export class DryRunDto {
  @ApiProperty({ example: 'property' }) @IsString() @Length(1, 40) category: string;
  @ApiProperty({ example: 'online' }) @IsString() @Length(1, 40) channel: string;
  @ApiPropertyOptional({ enum: ['peoples', 'administrative', 'judicial'] })
  @IsOptional()
  @IsIn(['peoples', 'administrative', 'judicial'])
  kind?: string;
  @ApiPropertyOptional({ example: 'JS' }) @IsOptional() @IsString() @MaxLength(32) streetCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) communityCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsAmount() claimAmount?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) peopleInvolved?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() repeated?: boolean;
  @ApiPropertyOptional({ type: [DryRunPartyDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DryRunPartyDto)
  parties?: DryRunPartyDto[];
  @ApiPropertyOptional({ type: [DryRunReturnDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DryRunReturnDto)
  returns?: DryRunReturnDto[];
}

export class BodyPatchDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100000) capacity?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  categories?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  streetCodes?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  communityCodes?: string[];
}

export class ConflictDto {
  @ApiProperty({ enum: ['relative', 'employer', 'prior_involvement'] }) @IsString() kind: string;
  @ApiProperty({ description: 'phone, ID number or organisation name of the party' })
  @IsString()
  @Length(2, 100)
  partyKey: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class ManualRouteDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiProperty() @Matches(UUID_RE, { message: 'bodyId must be a UUID' }) bodyId: string;
  @ApiProperty() @IsString() @Length(2, 1000) reason: string;
}
