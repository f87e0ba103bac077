import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, Role } from '@tiaojie/core';
import {
  CaseAgreementService,
  CaseEnforcementService,
  CaseQueryService,
  CaseSessionService,
} from '@tiaojie/cases';
import { CurrentActor, Roles } from '../common/auth.decorators';
import {
  ConfirmationApplyDto,
  EnforcementApplyDto,
  FollowUpDto,
  PerformanceRecordDto,
  CancelSessionDto,
  RateDto,
  RescheduleDto,
  ScheduleDto,
  SessionRecordDto,
  StartPerformanceDto,
} from './case-flow.dto';

const uuid = new ParseUUIDPipe();

@ApiTags('sessions and agreements')
@ApiBearerAuth()
@Controller('cases/:id')
export class CaseAgreementController {
  constructor(
    private readonly agreements: CaseAgreementService,
    private readonly sessions: CaseSessionService,
    private readonly queries: CaseQueryService,
    private readonly enforcement: CaseEnforcementService,
  ) {}

  @Get('sessions')
  listSessions(@CurrentActor() actor: Actor, @Param('id', uuid) id: string) {
    return this.sessions.list(actor, id);
  }

  @Post('consents/online')
  @HttpCode(200)
  @Roles(Role.Party)
  consentOnline(@CurrentActor() actor: Actor, @Param('id', uuid) id: string) {
    return this.sessions.consentOnline(actor, id);
  }

  @Post('sessions')
  @Roles(Role.Mediator, Role.BodyAdmin, Role.Judge, Role.Official)
  schedule(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: ScheduleDto) {
    return this.sessions.schedule(actor, id, dto);
  }

  @Post('sessions/:sessionId/reschedule')
  @HttpCode(200)
  @Roles(Role.Mediator, Role.BodyAdmin, Role.Judge, Role.Official)
  reschedule(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('sessionId', uuid) sessionId: string,
    @Body() dto: RescheduleDto,
  ) {
    return this.sessions.reschedule(actor, id, sessionId, dto);
  }

  @Post('sessions/:sessionId/cancel')
  @HttpCode(200)
  @Roles(Role.Mediator, Role.BodyAdmin, Role.Judge, Role.Official)
  cancelSession(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('sessionId', uuid) sessionId: string,
    @Body() dto: CancelSessionDto,
  ) {
    return this.sessions.cancel(actor, id, sessionId, dto.reason);
  }

  @Post('sessions/:sessionId/record')
  @HttpCode(200)
  @Roles(Role.Mediator, Role.BodyAdmin, Role.Judge, Role.Official)
  record(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('sessionId', uuid) sessionId: string,
    @Body() dto: SessionRecordDto,
  ) {
    return this.sessions.record(actor, id, sessionId, dto.record);
  }

  @Get('agreement.pdf')
  async pdf(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Res() reply: FastifyReply) {
    const { number, pdf } = await this.agreements.pdf(actor, id);
    void reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `attachment; filename="agreement-${number}.pdf"; filename*=UTF-8''${encodeURIComponent(`调解协议书-${number}.pdf`)}`,
      )
      .send(pdf);
  }

  @Post('confirmation/apply')
  @HttpCode(200)
  @Roles(Role.Party)
  async applyConfirmation(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: ConfirmationApplyDto,
  ) {
    return this.queries.summary(await this.agreements.applyForConfirmation(actor, id, dto.version));
  }

  /** 申请强制执行 of a judicially confirmed agreement that was not performed; handed to the court. */
  @Post('enforcement')
  @HttpCode(200)
  @Roles(Role.Party, Role.Mediator, Role.BodyAdmin, Role.Judge, Role.Official)
  async applyEnforcement(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: EnforcementApplyDto,
  ) {
    return this.queries.summary(await this.enforcement.apply(actor, id, dto));
  }

  @Get('performance')
  performance(@CurrentActor() actor: Actor, @Param('id', uuid) id: string) {
    return this.agreements.performance(actor, id);
  }

  @Post('performance')
  @HttpCode(200)
  @Roles(Role.Mediator, Role.BodyAdmin, Role.Judge, Role.Official)
  async startPerformance(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: StartPerformanceDto,
  ) {
    return this.queries.summary(await this.agreements.startPerformance(actor, id, dto));
  }

  @Post('performance/:itemId')
  @HttpCode(200)
  @Roles(Role.Mediator, Role.BodyAdmin, Role.Judge, Role.Official)
  async recordPerformance(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('itemId', uuid) itemId: string,
    @Body() dto: PerformanceRecordDto,
  ) {
    return this.queries.summary(await this.agreements.recordPerformance(actor, id, itemId, dto));
  }

  @Post('rating')
  @Roles(Role.Party)
  rate(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: RateDto) {
    return this.agreements.rate(actor, id, dto);
  }

  @Post('follow-up')
  @HttpCode(200)
  @Roles(Role.Mediator, Role.BodyAdmin, Role.Judge, Role.Official)
  async followUp(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: FollowUpDto) {
    return this.queries.summary(await this.agreements.followUp(actor, id, dto));
  }
}
