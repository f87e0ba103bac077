import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Role, STAFF_ROLES } from '@tiaojie/core';
import { DEFAULT_POLICIES, CalendarService, CaseDeadlineService } from '@tiaojie/deadlines';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { CalendarYearDto, ComputeDeadlineDto } from './deadlines.dto';
import { ApiErrors } from '../common/api-docs.decorators';
import {
  CalendarCoverage,
  CalendarYearView,
  ComputedDeadline,
  DeadlinePolicy,
} from './deadlines.response.dto';

/** Time-limit policies, the holiday calendar (admin years on top of the bundled notices) and its coverage. */
@ApiTags('deadlines')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 409)
@Controller('deadlines')
export class DeadlinesController {
  constructor(
    private readonly calendars: CalendarService,
    private readonly deadlines: CaseDeadlineService,
  ) {}

  @ApiOperation({ summary: '期限规则' })
  @ApiOkResponse({ type: [DeadlinePolicy] })
  @Get('regimes')
  @Roles(...STAFF_ROLES)
  regimes() {
    return Object.values(DEFAULT_POLICIES);
  }

  /** Due date of a regime from a start instant, on the current calendar (a preview; nothing is stored). */
  @ApiOperation({ summary: '试算期限' })
  @ApiOkResponse({ type: ComputedDeadline })
  @Post('compute')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  async compute(@Body() dto: ComputeDeadlineDto) {
    const r = await this.deadlines.dueAt(dto.regime, new Date(dto.start), { days: dto.days });
    return { ...r, dueAt: r.dueAt.toISOString() };
  }

  @ApiOperation({ summary: '节假日历年份' })
  @ApiOkResponse({ type: [CalendarYearView] })
  @Get('calendar')
  @Roles(Role.DistrictAdmin, Role.BodyAdmin)
  years() {
    return this.calendars.years();
  }

  /** Adds or replaces a year from the State Council notice (district admin; audited). */
  @ApiOperation({ summary: '设置节假日历年份' })
  @ApiOkResponse({ type: CalendarYearView })
  @Put('calendar/years/:year')
  @Roles(Role.DistrictAdmin)
  putYear(
    @CurrentActor() actor: Actor,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: CalendarYearDto,
  ) {
    return this.calendars.putYear(actor, year, dto);
  }

  /** Covered years and warnings about deadlines that fall in years the calendar lacks. */
  @ApiOperation({ summary: '节假日历覆盖情况' })
  @ApiOkResponse({ type: CalendarCoverage })
  @Get('calendar/coverage')
  @Roles(Role.DistrictAdmin, Role.BodyAdmin)
  coverage() {
    return this.calendars.coverage();
  }
}
