import { Controller, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  IDEMPOTENCY_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  WebhookReceiverService,
} from '@tiaojie/intake';
import { Public } from '../common/auth.decorators';
import { ApiErrors, ApiIdempotentConflict } from '../common/api-docs.decorators';
import { WebhookAccepted } from './intake.response.dto';

/**
 * Live feeds from the 12345, grid and court systems. Authenticated by signature, not by token:
 * `X-Tiaojie-Signature: sha256=HMAC(secret, "<timestamp>.<raw body>")`, `X-Tiaojie-Timestamp` (unix
 * seconds, ±5 min), `Idempotency-Key`. 202 Accepted; the rows are processed by a job. The same key with another
 * body answers 409 IDEMPOTENCY_KEY_REUSED.
 */
@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly receiver: WebhookReceiverService) {}

  @ApiOperation({ summary: '接收外部系统推送' })
  @ApiAcceptedResponse({ type: WebhookAccepted })
  @ApiErrors(400, 401, 404, 413)
  @ApiIdempotentConflict()
  @Post(':source')
  @Public()
  @HttpCode(202)
  @ApiHeader({ name: SIGNATURE_HEADER, required: true })
  @ApiHeader({ name: TIMESTAMP_HEADER, required: true })
  @ApiHeader({ name: IDEMPOTENCY_HEADER, required: true })
  receive(
    @Param('source') source: string,
    @Req() req: RawBodyRequest<FastifyRequest>,
    @Headers() headers: Record<string, string | undefined>,
  ) {
    return this.receiver.receive({
      source,
      timestamp: headers[TIMESTAMP_HEADER],
      signature: headers[SIGNATURE_HEADER],
      idempotencyKey: headers[IDEMPOTENCY_HEADER],
      rawBody: req.rawBody,
      body: req.body,
    });
  }
}
