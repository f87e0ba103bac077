import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { STAFF_ROLES, UUID_RE } from '@tiaojie/core';
import { MOBILE_PHONE_RE } from '@tiaojie/personal-data';

export class CreateStaffDto {
  @ApiProperty()
  @Matches(/^[a-z][a-z0-9_]{2,31}$/, { message: 'username: 3-32 lowercase letters, digits or _' })
  username: string;
  @ApiProperty() @IsString() @Length(1, 40) displayName: string;
  @ApiProperty({ enum: STAFF_ROLES }) @IsIn(STAFF_ROLES as unknown as string[]) role: string;
  @ApiProperty() @Matches(UUID_RE, { message: 'orgId must be a UUID' }) orgId: string;
  @ApiProperty() @IsString() @Length(1, 128) password: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(MOBILE_PHONE_RE, { message: 'phone must be an 11-digit mainland mobile number' })
  phone?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  specialties?: string[];
}

export class UpdateStaffDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  specialties?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 40) displayName?: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @Length(1, 128) currentPassword: string;
  @ApiProperty() @IsString() @Length(1, 128) newPassword: string;
}
