import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { RequireOneOf } from '../common/non-empty-body';

export class HistoryQueryDto {
  @ApiPropertyOptional({ description: 'page of messages before this seq (omit both for the latest page)' })
  @IsOptional()
  @Matches(/^\d{1,15}$/)
  beforeSeq?: string;
  @ApiPropertyOptional({ description: 'messages after this seq, oldest first (what a client missed)' })
  @IsOptional()
  @Matches(/^\d{1,15}$/)
  afterSeq?: string;
  @ApiPropertyOptional({ description: '1-200 (1-1000 with afterSeq)' })
  @IsOptional()
  @Matches(/^\d{1,4}$/)
  limit?: string;
}

export class ReadDto {
  @ApiProperty({ description: 'highest seq read' }) @IsInt() @Min(1) seq: number;
}

export class CreateLinkageRoomDto {
  @ApiProperty({ example: '某征收补偿行政争议府院联动会商' }) @IsString() @Length(1, 100) title: string;
  @ApiPropertyOptional({ description: 'an administrative dispute (exactly one of disputeId and topic)' })
  @IsOptional()
  @IsUUID()
  disputeId?: string;
  @ApiPropertyOptional({ example: '行政争议实质化解常态化会商', description: 'a standing topic' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  topic?: string;
  @ApiPropertyOptional({ type: [String], description: 'staff to invite by person' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  userIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'organisations whose active staff are invited' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  orgIds?: string[];
}

/** Inviting nobody changes nothing: refused. */
@RequireOneOf('userIds', 'orgIds')
export class InviteDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  userIds?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  orgIds?: string[];
  @ApiPropertyOptional({ enum: ['host', 'member'] }) @IsOptional() @IsIn(['host', 'member']) role?:
    'host' | 'member';
}

export class RemoveQueryDto {
  @ApiPropertyOptional({ description: 'why (shown in the room timeline)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class MembersQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) includeRemoved?:
    'true' | 'false';
}

export class MinutesDto {
  @ApiProperty({ description: 'idempotency key: a resend with the same id records nothing new' })
  @IsString()
  @Length(1, 64)
  clientMsgId: string;
  @ApiProperty({ description: 'plain text, up to 20,000 characters' })
  @IsString()
  @Length(1, 20000)
  body: string;
}

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: ['md', 'csv', 'pdf'] }) @IsOptional() @IsIn(['md', 'csv', 'pdf']) format?:
    'md' | 'csv' | 'pdf';
}
