import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthService } from '@tiaojie/auth';
import { Actor } from '@tiaojie/core';
import { CurrentActor, Public } from '../common/auth.decorators';
import { PartySignInDto, RefreshDto, RequestCodeDto, StaffSignInDto } from './auth.dto';
import { ChangePasswordDto } from './staff.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('staff/sign-in')
  @HttpCode(200)
  signInStaff(@Body() dto: StaffSignInDto, @Ip() ip: string) {
    return this.auth.signInStaff(dto.username, dto.password, ip);
  }

  @Public()
  @Post('otp')
  @HttpCode(202)
  requestCode(@Body() dto: RequestCodeDto) {
    return this.auth.requestCode(dto.phone);
  }

  @Public()
  @Post('party/sign-in')
  @HttpCode(200)
  signInParty(@Body() dto: PartySignInDto, @Ip() ip: string) {
    return this.auth.signInParty(dto.phone, dto.code, ip);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Public()
  @Post('sign-out')
  @HttpCode(204)
  async signOut(@Body() dto: RefreshDto) {
    await this.auth.signOut(dto.refreshToken);
  }

  /** Changes the caller's password (policy: 10+ characters, letters and digits) and signs out other sessions. */
  @ApiBearerAuth()
  @Post('password')
  @HttpCode(204)
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto) {
    await this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return { id: actor.id, role: actor.role, orgId: actor.orgId, displayName: actor.name };
  }
}
