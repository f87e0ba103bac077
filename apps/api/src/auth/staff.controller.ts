import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StaffAdminService } from '@tiaojie/auth';
import { Actor, Role } from '@tiaojie/core';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { CreateStaffDto, UpdateStaffDto } from './staff.dto';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffAdminService) {}

  @Get()
  @Roles(Role.DistrictAdmin, Role.BodyAdmin)
  list(@CurrentActor() actor: Actor, @Query('orgId') orgId?: string) {
    return this.staff.list(actor, orgId && /^[0-9a-f-]{36}$/i.test(orgId) ? orgId : undefined);
  }

  @Post()
  @Roles(Role.DistrictAdmin, Role.BodyAdmin)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateStaffDto) {
    return this.staff.create(actor, { ...dto, role: dto.role as Role });
  }

  @Patch(':id')
  @Roles(Role.DistrictAdmin, Role.BodyAdmin)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateStaffDto,
  ) {
    return this.staff.update(actor, id, dto);
  }
}
