import { Controller, Get, Header, Headers, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig, DomainError, ErrorCode } from '@tiaojie/core';
import { Public } from '../common/auth.decorators';
import { MetricsService } from './metrics.service';

/** GET /metrics in Prometheus text format; protected by METRICS_TOKEN when it is set. */
@ApiExcludeController()
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(@Headers('authorization') auth?: string): Promise<string> {
    if (this.config.metricsToken && auth !== `Bearer ${this.config.metricsToken}`) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, '缺少监控访问令牌');
    }
    return this.metrics.render();
  }
}
