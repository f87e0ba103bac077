import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from './error-response.dto';

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: '请求无效',
  401: '未登录或登录已过期',
  403: '无权操作',
  404: '不存在或无权查看',
  409: '状态冲突：已被他人修改或当前状态不允许',
  413: '内容过大',
  415: '文件类型不支持',
  429: '请求过于频繁',
  503: '服务暂时不可用',
};

/** The error responses an operation can give, all in the one ErrorResponse shape. */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: ERROR_DESCRIPTIONS[status] ?? 'error', type: ErrorResponse }),
    ),
  );
}

/** 409 on an operation that takes an Idempotency-Key: also a key reused with a different body. */
export function ApiIdempotentConflict(): MethodDecorator {
  return ApiResponse({
    status: 409,
    description: '同一幂等键已用于内容不同的请求，或状态冲突',
    type: ErrorResponse,
  });
}

/** A file download: the listed media types, as bytes. */
export function ApiFile(...mediaTypes: string[]): MethodDecorator {
  return applyDecorators(
    ApiProduces(...mediaTypes),
    ApiOkResponse({ description: '文件', schema: { type: 'string', format: 'binary' } }),
  );
}
