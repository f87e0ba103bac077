import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { uuid } from '../common/uuid.pipe';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UserActor, Role } from '@tiaojie/core';
import {
  CaseAgreementService,
  CaseEnforcementService,
  CaseQueryService,
  CaseSessionService,
} from '@tiaojie/cases';
import { CallRecordService } from '@tiaojie/calls';
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
import { ApiErrors, ApiFile } from '../common/api-docs.decorators';
import { fileResponse } from '../common/file-response';
import {
  CaseListItem,
  CaseRating,
  MediationSession,
  OnlineConsent,
  PerformanceItem,
  SessionCancelled,
  SessionList,
} from './case.response.dto';

@ApiTags('sessions and agreements')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 409)
@Controller('cases/:id')
export class CaseAgreementController {
  constructor(
    private readonly agreements: CaseAgreementService,
    private readonly sessions: CaseSessionService,
    private readonly queries: CaseQueryService,
    private readonly enforcement: CaseEnforcementService,
    private readonly callRecords: CallRecordService,
  ) {}

  @ApiOperation({ summary: '调解会议与在线同意' })
  @ApiOkResponse({ type: SessionList })
  @Get('sessions')
  async listSessions(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string) {
    const list = await this.sessions.list(actor, id);
    const sessions = [];
    for (const s of list.sessions)
      sessions.push({ ...s, call: s.online ? await this.callRecords.view(s.id, s.record) : null });
    return { ...list, sessions };
  }

  @ApiOperation({ summary: '当事人同意在线调解' })
  @ApiOkResponse({ type: OnlineConsent })
  @Post('consents/online')
  @HttpCode(200)
  @Roles(Role.Party)
  consentOnline(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string) {
    return this.sessions.consentOnline(actor, id);
  }

  @ApiOperation({ summary: '安排调解会议' })
  @ApiCreatedResponse({ type: MediationSession })
  @Post('sessions')
  @Roles(Role.Mediator, Role.BodyAdmin, Role.Judge, Role.Official)
  schedule(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Body() dto: ScheduleDto) {
    return this.sessions.schedule(actor, id, dto);
  }

  @ApiOperation({ summary: '改期调解会议' })
  @ApiOkResponse({ type: MediationSession })
  @Post('sessions/:sessionId/reschedule')
  @HttpCode(200)
  @Roles(Role.Mediator, Role.BodyAdmin, Role.Judge, Role.Official)
  reschedule(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Param('sessionId', uuid) sessionId: string,
    @Body() dto: RescheduleDto,
  ) {
    return this.sessions.reschedule(actor, id, sessionId, dto);
  }

  @ApiOperation({ summary: '取消调解会议' })
  @ApiOkResponse({ type: SessionCancelled })
  @Post('sessions/:sessionId/cancel')
  @HttpCode(200)
  @Roles(Role.Mediator, Role.BodyAdmin, Role.Judge, Role.Official)
  cancelSession(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Param('sessionId', uuid) sessionId: string,
    @Body() dto: CancelSessionDto,
  ) {
    return this.sessions.cancel(actor, id, sessionId, dto.reason);
  }

  @ApiOperation({ summary: '记录调解笔录' })
  @ApiOkResponse({ type: MediationSession })
  @Post('sessions/:sessionId/record')
  @HttpCode(200)
  @Roles(Role.Mediator, Role.BodyAdmin, Role.Judge, Role.Official)
  record(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Param('sessionId', uuid) sessionId: string,
    @Body() dto: SessionRecordDto,
  ) {
    return this.sessions.record(actor, id, sessionId, dto.record);
  }

  @ApiOperation({ summary: '下载调解协议书 PDF' })
  @ApiFile('application/pdf')
  @Get('agreement.pdf')
  async pdf(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string) {
    const { number, pdf } = await this.agreements.pdf(actor, id);
    return fileResponse(pdf, {
      type: 'application/pdf',
      fileName: `调解协议书-${number}.pdf`,
      fallback: `agreement-${number}.pdf`,
    });
  }

  @ApiOperation({ summary: '申请司法确认' })
  @ApiOkResponse({ type: CaseListItem })
  @Post('confirmation/apply')
  @HttpCode(200)
  @Roles(Role.Party)
  async applyConfirmation(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Body() dto: ConfirmationApplyDto,
  ) {
    return this.queries.summary(await this.agreements.applyForConfirmation(actor, id, dto.version));
  }

  /** 申请强制执行 of a judicially confirmed agreement that was not performed; handed to the court. */
  @ApiOperation({ summary: '申请强制执行' })
  @ApiOkResponse({ type: CaseListItem })
  @Post('enforcement')
  @HttpCode(200)
  @Roles(Role.Party, Role.Mediator, Role.BodyAdmin, Role.Judge, Role.Official)
  async applyEnforcement(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Body() dto: EnforcementApplyDto,
  ) {
    return this.queries.summary(await this.enforcement.apply(actor, id, dto));
  }

  @ApiOperation({ summary: '履行事项' })
  @ApiOkResponse({ type: [PerformanceItem] })
  @Get('performance')
  performance(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string) {
    return this.agreements.performance(actor, id);
  }

  @ApiOperation({ summary: '开始履行' })
  @ApiOkResponse({ type: CaseListItem })
  @Post('performance')
  @HttpCode(200)
  @Roles(Role.Mediator, Role.BodyAdmin, Role.Judge, Role.Official)
  async startPerformance(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Body() dto: StartPerformanceDto,
  ) {
    return this.queries.summary(await this.agreements.startPerformance(actor, id, dto));
  }

  @ApiOperation({ summary: '登记履行情况' })
  @ApiOkResponse({ type: CaseListItem })
  @Post('performance/:itemId')
  @HttpCode(200)
  @Roles(Role.Mediator, Role.BodyAdmin, Role.Judge, Role.Official)
  async recordPerformance(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Param('itemId', uuid) itemId: string,
    @Body() dto: PerformanceRecordDto,
  ) {
    return this.queries.summary(await this.agreements.recordPerformance(actor, id, itemId, dto));
  }

  @ApiOperation({ summary: '当事人评价' })
  @ApiCreatedResponse({ type: CaseRating })
  @Post('rating')
  @Roles(Role.Party)
  rate(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Body() dto: RateDto) {
    return this.agreements.rate(actor, id, dto);
  }

  @ApiOperation({ summary: '回访' })
  @ApiOkResponse({ type: CaseListItem })
  @Post('follow-up')
  @HttpCode(200)
  @Roles(Role.Mediator, Role.BodyAdmin, Role.Judge, Role.Official)
  async followUp(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Body() dto: FollowUpDto) {
    return this.queries.summary(await this.agreements.followUp(actor, id, dto));
  }
}
