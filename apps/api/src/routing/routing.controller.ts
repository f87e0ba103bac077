import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@tiaojie/core';
import { DispatchService, RegistryService } from '@tiaojie/dispatch';
import { CaseCommandService, CaseQueryService } from '@tiaojie/cases';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { BodyPatchDto, ConflictDto, DryRunDto, ManualRouteDto, SaveRulesDto } from './routing.dto';

const uuid = new ParseUUIDPipe();

@ApiTags('routing')
@ApiBearerAuth()
@Controller()
export class RoutingController {
  constructor(
    private readonly dispatch: DispatchService,
    private readonly registry: RegistryService,
    private readonly commands: CaseCommandService,
    private readonly queries: CaseQueryService,
  ) {}

  @Get('routing/rules')
  @Roles(Role.DistrictAdmin)
  rules() {
    return this.dispatch.rules();
  }

  /** Replaces the rule set; contradictory rules, unknown categories and empty candidate sets are refused. */
  @Put('routing/rules')
  @Roles(Role.DistrictAdmin)
  saveRules(@CurrentActor() actor: Actor, @Body() dto: SaveRulesDto) {
    return this.dispatch.saveRules(actor, dto.rules as any);
  }

  /** Where would this dispute go, and why. Nothing is stored. */
  @Post('routing/dry-run')
  @HttpCode(200)
  @Roles(Role.DistrictAdmin, Role.BodyAdmin)
  dryRun(@Body() dto: DryRunDto) {
    return this.dispatch.dryRun({ id: 'dry-run', parties: [], ...dto } as any);
  }

  @Get('routing/returns')
  @Roles(Role.DistrictAdmin)
  returns() {
    return this.dispatch.returnCounts();
  }

  @Get('registry/bodies')
  @Roles(Role.DistrictAdmin, Role.BodyAdmin)
  bodies() {
    return this.registry.bodies();
  }

  @Patch('registry/bodies/:id')
  @Roles(Role.DistrictAdmin)
  updateBody(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: BodyPatchDto) {
    return this.registry.updateBody(actor, id, dto);
  }

  @Get('registry/mediators/:id/conflicts')
  @Roles(Role.DistrictAdmin, Role.BodyAdmin, Role.Mediator)
  conflicts(@CurrentActor() actor: Actor, @Param('id', uuid) id: string) {
    return this.registry.conflicts(actor, id);
  }

  @Post('registry/mediators/:id/conflicts')
  @Roles(Role.DistrictAdmin, Role.BodyAdmin, Role.Mediator)
  declare(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: ConflictDto) {
    return this.registry.declareConflict(actor, id, dto);
  }

  @Delete('registry/mediators/:id/conflicts/:conflictId')
  @HttpCode(204)
  @Roles(Role.DistrictAdmin, Role.BodyAdmin, Role.Mediator)
  async remove(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('conflictId', uuid) conflictId: string,
  ) {
    await this.registry.removeConflict(actor, id, conflictId);
  }

  /** District admin's manual override, with a reason (audited). */
  @Post('cases/:id/route')
  @HttpCode(200)
  @Roles(Role.DistrictAdmin)
  async manualRoute(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: ManualRouteDto,
  ) {
    return this.queries.summary(await this.commands.manualRoute(actor, id, dto));
  }

  @Get('cases/:id/routing')
  @Roles(Role.DistrictAdmin, Role.BodyAdmin, Role.Mediator)
  decisions(@CurrentActor() actor: Actor, @Param('id', uuid) id: string) {
    return this.queries.routingHistory(actor, id);
  }

  @Get('cases/:id/mediator-proposal')
  @Roles(Role.BodyAdmin, Role.Mediator)
  proposal(@CurrentActor() actor: Actor, @Param('id', uuid) id: string) {
    return this.queries.mediatorProposal(actor, id);
  }
}
