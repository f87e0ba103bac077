import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { uuid } from '../common/uuid.pipe';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { StaffAdminService } from '@tiaojie/auth';
import { Role, UserActor, isUuid } from '@tiaojie/core';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { CreateStaffDto, UpdateStaffDto } from './staff.dto';
import { ApiErrors } from '../common/api-docs.decorators';
import { StaffMember } from './auth.response.dto';

@ApiTags('staff')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 409)
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffAdminService) {}

  @ApiOperation({ summary: '工作人员列表' })
  @ApiOkResponse({ type: [StaffMember] })
  @ApiQuery({ name: 'orgId', required: false, description: '只列出该组织的工作人员' })
  @Get()
  @Roles(Role.DistrictAdmin, Role.BodyAdmin)
  list(@CurrentActor() actor: UserActor, @Query('orgId') orgId?: string) {
    return this.staff.list(actor, isUuid(orgId) ? orgId : undefined);
  }

  @ApiOperation({ summary: '新增工作人员' })
  @ApiCreatedResponse({ type: StaffMember })
  @Post()
  @Roles(Role.DistrictAdmin, Role.BodyAdmin)
  create(@CurrentActor() actor: UserActor, @Body() dto: CreateStaffDto) {
    return this.staff.create(actor, { ...dto, role: dto.role as Role });
  }

  @ApiOperation({ summary: '修改工作人员' })
  @ApiOkResponse({ type: StaffMember })
  @Patch(':id')
  @Roles(Role.DistrictAdmin, Role.BodyAdmin)
  update(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Body() dto: UpdateStaffDto) {
    return this.staff.update(actor, id, dto);
  }
}
