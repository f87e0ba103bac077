import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode } from '@tiaojie/core';
import { DbService, currentStorageFault } from '@tiaojie/db';
import { OrgService } from '@tiaojie/org';
import { CASE_STATUSES, TRANSITIONS, RETURN_REASONS } from '@tiaojie/cases';
import { Public } from '../common/auth.decorators';
import { ApiErrors } from '../common/api-docs.decorators';
import { Directory, Health, Lifecycle } from './health.response.dto';

@ApiTags('system')
@Controller()
export class HealthController {
  constructor(
    private readonly db: DbService,
    private readonly orgs: OrgService,
  ) {}

  @Public()
  @ApiOperation({ summary: '健康检查' })
  @ApiOkResponse({ type: Health })
  @ApiErrors(503)
  @Get('health')
  async health() {
    // writes failing for lack of space or permission: the load balancer should stop sending writes here
    const fault = currentStorageFault(this.db.dataDir);
    if (fault)
      throw new DomainError(ErrorCode.STORAGE_UNAVAILABLE, `数据存储暂时无法写入（${fault.cause}）`, {
        status: 'down',
        storage: 'failing',
        cause: fault.code,
      });
    const ok = await this.db.ping().catch(() => false);
    if (!ok)
      throw new DomainError(ErrorCode.UNAVAILABLE, '数据库暂时无法连接', {
        status: 'down',
        database: 'unreachable',
      });
    return { status: 'ok', database: this.db.engine, storage: 'ok', time: new Date().toISOString() };
  }

  /** The lifecycle definition, for the front end's tracker and buttons. */
  @Public()
  @ApiOperation({ summary: '办理流程定义' })
  @ApiOkResponse({ type: Lifecycle })
  @Get('lifecycle')
  lifecycle() {
    return { statuses: CASE_STATUSES, transitions: TRANSITIONS, returnReasons: RETURN_REASONS };
  }

  @Public()
  @ApiOperation({ summary: '类别、街道与机构目录' })
  @ApiOkResponse({ type: Directory })
  @Get('directory')
  directory() {
    return this.orgs.directory();
  }
}
