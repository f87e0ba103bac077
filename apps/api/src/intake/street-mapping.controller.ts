import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@tiaojie/core';
import { StreetMappingService } from '@tiaojie/cases';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { StreetMappingDto } from './intake.dto';

/** District admins: street names imports carry that the directory lacks, and mapping one onto a street. */
@ApiTags('intake')
@ApiBearerAuth()
@Controller('intake')
@Roles(Role.DistrictAdmin)
export class StreetMappingController {
  constructor(private readonly mappings: StreetMappingService) {}

  /** Unknown street names with how many records carry each and how many disputes wait for a street. */
  @Get('unknown-streets')
  unknown(@CurrentActor() actor: Actor) {
    return this.mappings.unknownNames(actor);
  }

  /** Maps a name onto a street (audited); the waiting imported disputes that carry it are routed at once. */
  @Post('street-mappings')
  @HttpCode(200)
  map(@CurrentActor() actor: Actor, @Body() dto: StreetMappingDto) {
    return this.mappings.map(actor, dto.name, dto.streetCode);
  }
}
