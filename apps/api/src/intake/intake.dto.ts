import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export class ListQueryDto {
  @ApiPropertyOptional({ example: '50' })
  @IsOptional()
  @Matches(/^\d{1,3}$/, { message: 'limit must be 1–999' })
  limit?: string;
}

export class DuplicateQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'linked', 'confirmed', 'dismissed', 'all'] })
  @IsOptional()
  @IsIn(['pending', 'linked', 'confirmed', 'dismissed', 'all'])
  status?: string;
}

export class DuplicateDecisionDto {
  @ApiProperty({
    enum: ['confirm', 'dismiss'],
    description: 'confirm: the same dispute; dismiss: different disputes',
  })
  @IsIn(['confirm', 'dismiss'])
  decision: 'confirm' | 'dismiss';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class StreetMappingDto {
  @ApiProperty({ example: '金沙镇', description: 'the street name as the imports spell it' })
  @IsString()
  @Length(1, 50)
  name: string;
  @ApiProperty({ example: 'JS', description: 'code of a street of the directory' })
  @IsString()
  @Length(1, 32)
  streetCode: string;
}
