import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CalendarService } from '@tiaojie/calendar';
import { CaseDeadlineService } from '@tiaojie/cases';
import { Actor, Role, STAFF_ROLES } from '@tiaojie/core';
import { DEFAULT_POLICIES } from '@tiaojie/deadlines';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { CalendarYearDto, ComputeDeadlineDto } from './deadlines.dto';

/** Time-limit policies, the holiday calendar (admin years on top of the bundled notices) and its coverage. */
@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('deadlines')
export class DeadlinesController {
  constructor(
    private readonly calendars: CalendarService,
    private readonly deadlines: CaseDeadlineService,
  ) {}

  @Get('regimes')
  @Roles(...STAFF_ROLES)
  regimes() {
    return Object.values(DEFAULT_POLICIES);
  }

  /** Due date of a regime from a start instant, on the current calendar (a preview; nothing is stored). */
  @Post('compute')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  async compute(@Body() dto: ComputeDeadlineDto) {
    const r = await this.deadlines.dueAt(dto.regime, new Date(dto.start), { days: dto.days });
    return { ...r, dueAt: r.dueAt.toISOString() };
  }

  @Get('calendar')
  @Roles(Role.DistrictAdmin, Role.BodyAdmin)
  years() {
    return this.calendars.years();
  }

  /** Adds or replaces a year from the State Council notice (district admin; audited). */
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
  @Get('calendar/coverage')
  @Roles(Role.DistrictAdmin, Role.BodyAdmin)
  coverage() {
    return this.calendars.coverage();
  }
}
