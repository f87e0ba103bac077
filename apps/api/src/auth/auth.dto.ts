import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches, MaxLength } from 'class-validator';
import { MOBILE_PHONE_RE } from '@tiaojie/personal-data';

export class StaffSignInDto {
  @ApiProperty({ example: 'js_mediator' }) @IsString() @Length(1, 64) username: string;
  @ApiProperty({ example: 'Tiaojie2026' }) @IsString() @Length(1, 128) password: string;
}

export class RequestCodeDto {
  @ApiProperty({ example: '13800000001' })
  @IsString()
  @Matches(MOBILE_PHONE_RE, {
    message: '手机号格式不正确',
  })
  phone: string;
}

export class PartySignInDto extends RequestCodeDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^\d{6}$/, { message: '验证码为 6 位数字' })
  code: string;
}

export class RefreshDto {
  @ApiProperty() @IsString() @MaxLength(200) refreshToken: string;
}
