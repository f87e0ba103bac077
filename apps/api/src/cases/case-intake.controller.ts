import { Body, Controller, Headers, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UserActor, Role } from '@tiaojie/core';
import { CaseIntakeService, CaseQueryService, CourtReferralService } from '@tiaojie/cases';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { ApplyDto } from './case.dto';
import { CourtReferralDto, RegisterDto } from './case-flow.dto';
import { ApiErrors, ApiIdempotentConflict } from '../common/api-docs.decorators';
import { CaseListItem, RegisterResult } from './case.response.dto';

// Named exactly as the @Headers() parameter reads it, so the document merges the two into one optional header
// (a differently spelt name left the reflected parameter behind, marked required).
const IDEMPOTENCY_HEADER = {
  name: 'idempotency-key',
  required: false,
  description:
    'The same key on a retry returns the dispute the first attempt created (1–100 of A–Z a–z 0–9 . _ : -); ' +
    'the same key with a different body answers 409 IDEMPOTENCY_KEY_REUSED',
};

@ApiTags('intake')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 409)
@Controller('cases')
export class CaseIntakeController {
  constructor(
    private readonly intake: CaseIntakeService,
    private readonly referrals: CourtReferralService,
    private readonly queries: CaseQueryService,
  ) {}

  /** A party's online application. Send an Idempotency-Key to make a retry return the first attempt's dispute. */
  @ApiOperation({ summary: '当事人在线申请' })
  @ApiCreatedResponse({ type: CaseListItem })
  @Post()
  @Roles(Role.Party)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiIdempotentConflict()
  async apply(
    @CurrentActor() actor: UserActor,
    @Body() dto: ApplyDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.queries.summary(await this.intake.apply(actor, dto, { idempotencyKey: key }));
  }

  /**
   * Staff register a walk-in (窗口), petition (信访), grid report, 12345 order or enterprise dispute (涉企). `intake.outcome`:
   * created (a new case), merged (it repeats an open case: the answer is that case, with one more intake record) or
   * review (a probable repeat, held in the district's duplicate review; `id` is null).
   */
  @ApiOperation({ summary: '窗口登记' })
  @ApiCreatedResponse({ type: RegisterResult })
  @Post('register')
  @Roles(
    Role.Mediator,
    Role.BodyAdmin,
    Role.DistrictAdmin,
    Role.Official,
    Role.GridWorker,
    Role.HotlineOperator,
  )
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiIdempotentConflict()
  async register(
    @CurrentActor() actor: UserActor,
    @Body() dto: RegisterDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const r = await this.intake.register(actor, dto, { idempotencyKey: key });
    const intake = {
      outcome: r.outcome,
      intakeRecordId: r.intakeRecordId,
      candidateNumber: r.candidate?.number ?? null,
    };
    // under review there is no case yet: the registrant is told which open case it probably repeats
    return r.dispute ? { ...this.queries.summary(r.dispute), intake } : { id: null, intake };
  }

  /** A court refers a case: 委派 (pre-registration) or 委托 (post-registration). */
  @ApiOperation({ summary: '法院委派/委托' })
  @ApiCreatedResponse({ type: CaseListItem })
  @Post('court-referrals')
  @Roles(Role.CourtClerk, Role.Judge)
  async refer(@CurrentActor() actor: UserActor, @Body() dto: CourtReferralDto) {
    return this.queries.summary(await this.referrals.referFromCourt(actor, dto));
  }
}
