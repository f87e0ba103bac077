import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig, Clock, UserActor } from '@tiaojie/core';
import { iceServers } from '@tiaojie/calls';
import { CurrentActor } from '../common/auth.decorators';
import { ApiErrors } from '../common/api-docs.decorators';
import { IceServers } from './calls.response.dto';

@ApiTags('sessions and agreements')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('rtc')
export class RtcController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** STUN/TURN for call pages, with TURN credentials in coturn's shared-secret scheme for this user. */
  @ApiOperation({ summary: '视频通话的网络穿透服务器与临时凭据' })
  @ApiOkResponse({ type: IceServers })
  @Get('ice-servers')
  list(@CurrentActor() actor: UserActor) {
    return iceServers(this.config.rtc, actor.id, this.clock.now().getTime());
  }
}
