import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@tiaojie/core';
import { CaseIntakeService, CaseQueryService } from '@tiaojie/cases';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { ApplyDto } from './case.dto';
import { CourtReferralDto, RegisterDto } from './case-flow.dto';

@ApiTags('intake')
@ApiBearerAuth()
@Controller('cases')
export class CaseIntakeController {
  constructor(private readonly intake: CaseIntakeService, private readonly queries: CaseQueryService) {}

  /** A party's online application. */
  @Post() @Roles(Role.Party)
  async apply(@CurrentActor() actor: Actor, @Body() dto: ApplyDto) {
    return this.queries.summary(await this.intake.apply(actor, dto));
  }

  /** Staff register a walk-in (窗口), petition (信访), grid report, 12345 order or enterprise dispute (涉企). */
  @Post('register') @Roles(Role.Mediator, Role.BodyAdmin, Role.DistrictAdmin, Role.Official, Role.GridWorker, Role.HotlineOperator)
  async register(@CurrentActor() actor: Actor, @Body() dto: RegisterDto) {
    return this.queries.summary(await this.intake.register(actor, dto));
  }

  /** A court refers a case: 委派 (pre-registration) or 委托 (post-registration). */
  @Post('court-referrals') @Roles(Role.CourtClerk, Role.Judge)
  async refer(@CurrentActor() actor: Actor, @Body() dto: CourtReferralDto) {
    return this.queries.summary(await this.intake.referFromCourt(actor, dto));
  }
}
