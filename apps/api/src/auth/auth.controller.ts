import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthService } from '@tiaojie/auth';
import { UserActor } from '@tiaojie/core';
import { CurrentActor, Public } from '../common/auth.decorators';
import { PartySignInDto, RefreshDto, RequestCodeDto, StaffSignInDto } from './auth.dto';
import { ChangePasswordDto } from './staff.dto';
import { ApiErrors } from '../common/api-docs.decorators';
import { CodeSent, Me, TokenPair } from './auth.response.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @ApiOperation({ summary: '工作人员登录' })
  @ApiOkResponse({ type: TokenPair })
  @ApiErrors(400, 401, 429)
  @Post('staff/sign-in')
  @HttpCode(200)
  signInStaff(@Body() dto: StaffSignInDto, @Ip() ip: string) {
    return this.auth.signInStaff(dto.username, dto.password, ip);
  }

  @Public()
  @ApiOperation({ summary: '发送短信验证码' })
  @ApiAcceptedResponse({ type: CodeSent })
  @ApiErrors(400, 429)
  @Post('otp')
  @HttpCode(202)
  requestCode(@Body() dto: RequestCodeDto) {
    return this.auth.requestCode(dto.phone);
  }

  @Public()
  @ApiOperation({ summary: '当事人短信登录' })
  @ApiOkResponse({ type: TokenPair })
  @ApiErrors(400, 401, 429)
  @Post('party/sign-in')
  @HttpCode(200)
  signInParty(@Body() dto: PartySignInDto, @Ip() ip: string) {
    return this.auth.signInParty(dto.phone, dto.code, ip);
  }

  @Public()
  @ApiOperation({ summary: '刷新令牌' })
  @ApiOkResponse({ type: TokenPair })
  @ApiErrors(400, 401)
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Public()
  @ApiOperation({ summary: '退出登录' })
  @ApiNoContentResponse({ description: '完成' })
  @ApiErrors(400)
  @Post('sign-out')
  @HttpCode(204)
  async signOut(@Body() dto: RefreshDto) {
    await this.auth.signOut(dto.refreshToken);
  }

  /** Changes the caller's password (policy: 10+ characters, letters and digits) and signs out other sessions. */
  @ApiBearerAuth()
  @ApiOperation({ summary: '修改密码' })
  @ApiNoContentResponse({ description: '完成' })
  @ApiErrors(400, 401)
  @Post('password')
  @HttpCode(204)
  async changePassword(@CurrentActor() actor: UserActor, @Body() dto: ChangePasswordDto) {
    await this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }

  @ApiBearerAuth()
  @ApiOperation({ summary: '当前用户' })
  @ApiOkResponse({ type: Me })
  @ApiErrors(401)
  @Get('me')
  me(@CurrentActor() actor: UserActor) {
    return { id: actor.id, role: actor.role, orgId: actor.orgId, displayName: actor.name };
  }
}
