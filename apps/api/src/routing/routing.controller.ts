import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { uuid } from '../common/uuid.pipe';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { UserActor, Role } from '@tiaojie/core';
import { DispatchService, RegistryService } from '@tiaojie/dispatch';
import type { RoutingDispute, RoutingRule as EngineRule } from '@tiaojie/routing';
import { CaseMoveService, CaseQueryService } from '@tiaojie/cases';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { BodyPatchDto, ConflictDto, DryRunDto, ManualRouteDto, SaveRulesDto } from './routing.dto';
import { ApiErrors } from '../common/api-docs.decorators';
import { CaseListItem } from '../cases/case.response.dto';
import { RoutingDecision } from './routing-decision.response.dto';
import {
  BodyEntry,
  BodyRecord,
  ConflictDeclaration,
  MediatorProposal,
  ReturnCount,
  RoutingHistoryEntry,
  RoutingRule,
} from './routing.response.dto';

@ApiTags('routing')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 409)
@Controller()
export class RoutingController {
  constructor(
    private readonly dispatch: DispatchService,
    private readonly registry: RegistryService,
    private readonly moves: CaseMoveService,
    private readonly queries: CaseQueryService,
  ) {}

  @ApiOperation({ summary: '分流规则' })
  @ApiOkResponse({ type: [RoutingRule] })
  @Get('routing/rules')
  @Roles(Role.DistrictAdmin)
  rules() {
    return this.dispatch.rules();
  }

  /** Replaces the rule set; contradictory rules, unknown categories and empty candidate sets are refused. */
  @ApiOperation({ summary: '保存分流规则' })
  @ApiOkResponse({ type: [RoutingRule] })
  @Put('routing/rules')
  @Roles(Role.DistrictAdmin)
  saveRules(@CurrentActor() actor: UserActor, @Body() dto: SaveRulesDto) {
    return this.dispatch.saveRules(actor, dto.rules as EngineRule[]);
  }

  /** Where would this dispute go, and why. Nothing is stored. */
  @ApiOperation({ summary: '分流试算' })
  @ApiOkResponse({ type: RoutingDecision })
  @Post('routing/dry-run')
  @HttpCode(200)
  @Roles(Role.DistrictAdmin, Role.BodyAdmin)
  dryRun(@Body() dto: DryRunDto) {
    return this.dispatch.dryRun({ id: 'dry-run', parties: [], ...dto } as RoutingDispute);
  }

  @ApiOperation({ summary: '退单统计' })
  @ApiOkResponse({ type: [ReturnCount] })
  @Get('routing/returns')
  @Roles(Role.DistrictAdmin)
  returns() {
    return this.dispatch.returnCounts();
  }

  @ApiOperation({ summary: '调解组织' })
  @ApiOkResponse({ type: [BodyEntry] })
  @Get('registry/bodies')
  @Roles(Role.DistrictAdmin, Role.BodyAdmin)
  bodies() {
    return this.registry.bodies();
  }

  @ApiOperation({ summary: '修改调解组织' })
  @ApiOkResponse({ type: BodyRecord })
  @Patch('registry/bodies/:id')
  @Roles(Role.DistrictAdmin)
  updateBody(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Body() dto: BodyPatchDto) {
    return this.registry.updateBody(actor, id, dto);
  }

  @ApiOperation({ summary: '回避声明' })
  @ApiOkResponse({ type: [ConflictDeclaration] })
  @Get('registry/mediators/:id/conflicts')
  @Roles(Role.DistrictAdmin, Role.BodyAdmin, Role.Mediator)
  conflicts(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string) {
    return this.registry.conflicts(actor, id);
  }

  @ApiOperation({ summary: '声明回避' })
  @ApiCreatedResponse({ type: ConflictDeclaration })
  @Post('registry/mediators/:id/conflicts')
  @Roles(Role.DistrictAdmin, Role.BodyAdmin, Role.Mediator)
  declare(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Body() dto: ConflictDto) {
    return this.registry.declareConflict(actor, id, dto);
  }

  @ApiOperation({ summary: '撤销回避声明' })
  @ApiNoContentResponse({ description: '完成' })
  @Delete('registry/mediators/:id/conflicts/:conflictId')
  @HttpCode(204)
  @Roles(Role.DistrictAdmin, Role.BodyAdmin, Role.Mediator)
  async remove(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Param('conflictId', uuid) conflictId: string,
  ) {
    await this.registry.removeConflict(actor, id, conflictId);
  }

  /** District admin's manual override, with a reason (audited). */
  @ApiOperation({ summary: '人工分流' })
  @ApiOkResponse({ type: CaseListItem })
  @Post('cases/:id/route')
  @HttpCode(200)
  @Roles(Role.DistrictAdmin)
  async manualRoute(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Body() dto: ManualRouteDto,
  ) {
    return this.queries.summary(await this.moves.manualRoute(actor, id, dto));
  }

  @ApiOperation({ summary: '分流记录' })
  @ApiOkResponse({ type: [RoutingHistoryEntry] })
  @Get('cases/:id/routing')
  @Roles(Role.DistrictAdmin, Role.BodyAdmin, Role.Mediator)
  decisions(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string) {
    return this.queries.routingHistory(actor, id);
  }

  @ApiOperation({ summary: '调解员推荐' })
  @ApiOkResponse({ type: MediatorProposal })
  @Get('cases/:id/mediator-proposal')
  @Roles(Role.BodyAdmin, Role.Mediator)
  proposal(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string) {
    return this.queries.mediatorProposal(actor, id);
  }
}
