import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@tiaojie/core';
import { CaseSearchService } from '@tiaojie/cases';
import { CurrentActor } from '../common/auth.decorators';
import { ApiErrors } from '../common/api-docs.decorators';
import { CaseSearchQueryDto } from './case-search.dto';
import { CaseSearchPage } from './case-search.response.dto';

@ApiTags('cases')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller('cases')
export class CaseSearchController {
  constructor(private readonly search: CaseSearchService) {}

  @ApiOperation({ summary: '案件检索' })
  @ApiOkResponse({ type: CaseSearchPage })
  @Get('search')
  find(@CurrentActor() actor: Actor, @Query() q: CaseSearchQueryDto) {
    const { limit, ...rest } = q;
    return this.search.find(actor, { ...rest, limit: limit === undefined ? undefined : Number(limit) });
  }
}
