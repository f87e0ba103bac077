import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { uuid } from '../common/uuid.pipe';
import type { FastifyReply } from 'fastify';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UserActor, Role } from '@tiaojie/core';
import {
  CaseAccessService,
  CaseCommandService,
  CaseMoveService,
  CaseQueryService,
  CaseSigningService,
} from '@tiaojie/cases';
import { AuditService } from '@tiaojie/audit';
import { ExtendDto, TransferDto } from './case-flow.dto';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { AgreementDto, AssignDto, ModeDto, QueueQueryDto, ReturnDto, SignDto, VersionDto } from './case.dto';
import { ApiErrors } from '../common/api-docs.decorators';
import { CaseDetail } from './case-detail.response.dto';
import { CaseStatusView } from './case-status.response.dto';
import { CaseListItem, PartyPersonalData, QueueItem, SignCodeSent } from './case.response.dto';

@ApiTags('cases')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 409)
@Controller('cases')
export class CasesController {
  constructor(
    private readonly commands: CaseCommandService,
    private readonly moves: CaseMoveService,
    private readonly signing: CaseSigningService,
    private readonly queries: CaseQueryService,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
  ) {}

  @ApiOperation({ summary: '我的纠纷' })
  @ApiOkResponse({ type: [CaseListItem] })
  @Get('mine')
  @Roles(Role.Party)
  mine(@CurrentActor() actor: UserActor) {
    return this.queries.mine(actor);
  }

  /** A body's and the district's queues arrive as JSON text from the database and are sent as they are. */
  @ApiOperation({ summary: '待办队列' })
  @ApiOkResponse({ type: [QueueItem] })
  @Get('queue')
  async queue(
    @CurrentActor() actor: UserActor,
    @Query() q: QueueQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const opts = { open: q.open !== 'false', limit: q.limit ? Number(q.limit) : undefined };
    const json = await this.queries.queueJson(actor, opts);
    if (json === null) return this.queries.queue(actor, opts);
    void reply.type('application/json; charset=utf-8');
    return json;
  }

  @ApiOperation({ summary: '纠纷详情' })
  @ApiOkResponse({ type: CaseDetail })
  @Get(':id')
  detail(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string) {
    return this.queries.detail(actor, id);
  }

  @ApiOperation({ summary: '办理进度' })
  @ApiOkResponse({ type: CaseStatusView })
  @Get(':id/status')
  status(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string) {
    return this.queries.status(actor, id);
  }

  @ApiOperation({ summary: '受理' })
  @ApiOkResponse({ type: CaseListItem })
  @Post(':id/accept')
  @HttpCode(200)
  @Roles(Role.BodyAdmin, Role.Mediator, Role.Judge, Role.CourtClerk, Role.Official)
  async accept(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Body() dto: VersionDto) {
    return this.queries.summary(await this.commands.accept(actor, id, dto));
  }

  @ApiOperation({ summary: '退单' })
  @ApiOkResponse({ type: CaseListItem })
  @Post(':id/return')
  @HttpCode(200)
  @Roles(Role.BodyAdmin, Role.Mediator, Role.Judge, Role.CourtClerk, Role.Official)
  async return(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Body() dto: ReturnDto) {
    return this.queries.summary(await this.moves.returnCase(actor, id, dto));
  }

  @ApiOperation({ summary: '指派调解员' })
  @ApiOkResponse({ type: CaseListItem })
  @Post(':id/assign')
  @HttpCode(200)
  @Roles(Role.BodyAdmin, Role.Mediator, Role.Judge, Role.CourtClerk, Role.Official)
  async assign(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Body() dto: AssignDto) {
    return this.queries.summary(await this.commands.assignMediator(actor, id, dto));
  }

  @ApiOperation({ summary: '切换调解方式' })
  @ApiOkResponse({ type: CaseListItem })
  @Post(':id/mode')
  @HttpCode(200)
  @Roles(Role.BodyAdmin, Role.Mediator, Role.Judge, Role.CourtClerk, Role.Official)
  async mode(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Body() dto: ModeDto) {
    return this.queries.summary(await this.commands.switchMode(actor, id, dto));
  }

  @ApiOperation({ summary: '起草调解协议' })
  @ApiOkResponse({ type: CaseListItem })
  @Post(':id/agreement')
  @HttpCode(200)
  @Roles(Role.BodyAdmin, Role.Mediator, Role.Judge, Role.CourtClerk, Role.Official)
  async draft(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Body() dto: AgreementDto) {
    return this.queries.summary(await this.signing.draftAgreement(actor, id, dto));
  }

  @ApiOperation({ summary: '发送签署验证码' })
  @ApiAcceptedResponse({ type: SignCodeSent })
  @Post(':id/agreement/sign-code')
  @HttpCode(202)
  @Roles(Role.Party)
  signCode(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string) {
    return this.signing.requestSignCode(actor, id);
  }

  @ApiOperation({ summary: '签署调解协议' })
  @ApiOkResponse({ type: CaseListItem })
  @Post(':id/agreement/sign')
  @HttpCode(200)
  @Roles(Role.Party)
  async sign(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Body() dto: SignDto) {
    return this.queries.summary(await this.signing.sign(actor, id, dto));
  }

  /** Transfer to another body or kind (without a target the router re-routes), keeping one identity. */
  @ApiOperation({ summary: '移交' })
  @ApiOkResponse({ type: CaseListItem })
  @Post(':id/transfer')
  @HttpCode(200)
  async transfer(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Body() dto: TransferDto) {
    return this.queries.summary(await this.moves.transfer(actor, id, dto));
  }

  /** 诉调对接: a failed mediation goes to the court with its record. */
  @ApiOperation({ summary: '诉调对接转法院' })
  @ApiOkResponse({ type: CaseListItem })
  @Post(':id/refer-to-court')
  @HttpCode(200)
  async referToCourt(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Body() dto: VersionDto,
  ) {
    return this.queries.summary(await this.moves.referToCourt(actor, id, dto));
  }

  @ApiOperation({ summary: '延长期限' })
  @ApiOkResponse({ type: CaseListItem })
  @Post(':id/extend')
  @HttpCode(200)
  async extend(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Body() dto: ExtendDto) {
    return this.queries.summary(await this.commands.extendDeadline(actor, id, dto));
  }

  /** Full ID and phone number of one party, for handling staff; every read is audited. */
  @ApiOperation({ summary: '查看当事人完整信息' })
  @ApiOkResponse({ type: PartyPersonalData })
  @Get(':id/parties/:partyId/personal-data')
  @Roles(Role.Mediator, Role.BodyAdmin, Role.DistrictAdmin, Role.Judge, Role.CourtClerk, Role.Official)
  revealParty(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Param('partyId', uuid) partyId: string,
  ) {
    return this.access.revealParty(actor, id, partyId, (tx) =>
      this.audit.record(tx, actor, {
        action: 'pii.read',
        entityType: 'dispute_party',
        entityId: partyId,
        data: { disputeId: id },
      }),
    );
  }

  /** Transitions that need only a version and a reason: start_mediation, record_failure, withdraw, terminate, close, reopen, … */
  @ApiOperation({ summary: '状态流转' })
  @ApiOkResponse({ type: CaseListItem })
  @Post(':id/transitions/:action')
  @HttpCode(200)
  async fire(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Param('action') action: string,
    @Body() dto: VersionDto,
  ) {
    return this.queries.summary(await this.commands.fire(actor, id, action, dto));
  }
}
