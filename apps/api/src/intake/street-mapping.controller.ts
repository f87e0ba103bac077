import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UserActor, Role } from '@tiaojie/core';
import { StreetMappingService } from '@tiaojie/cases';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { StreetMappingDto } from './intake.dto';
import { ApiErrors } from '../common/api-docs.decorators';
import { StreetMappingResult, UnknownStreetName } from './intake.response.dto';

/** District admins: street names imports carry that the directory lacks, and mapping one onto a street. */
@ApiTags('intake')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 409)
@Controller('intake')
@Roles(Role.DistrictAdmin)
export class StreetMappingController {
  constructor(private readonly mappings: StreetMappingService) {}

  /** Unknown street names with how many records carry each and how many disputes wait for a street. */
  @ApiOperation({ summary: '未知街道名称' })
  @ApiOkResponse({ type: [UnknownStreetName] })
  @Get('unknown-streets')
  unknown(@CurrentActor() actor: UserActor) {
    return this.mappings.unknownNames(actor);
  }

  /** Maps a name onto a street (audited); the waiting imported disputes that carry it are routed at once. */
  @ApiOperation({ summary: '映射街道名称' })
  @ApiOkResponse({ type: StreetMappingResult })
  @Post('street-mappings')
  @HttpCode(200)
  map(@CurrentActor() actor: UserActor, @Body() dto: StreetMappingDto) {
    return this.mappings.map(actor, dto.name, dto.streetCode);
  }
}
