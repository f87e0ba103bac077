import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, ERROR_HTTP_STATUS, ErrorCode } from '@tiaojie/core';
import { recordStorageFault, storageFault } from '@tiaojie/db';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown>; errorId?: string };
}

const HTTP_TO_CODE: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_REQUEST,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  405: ErrorCode.BAD_REQUEST,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.BAD_REQUEST,
  429: ErrorCode.RATE_LIMITED,
};

/** Framework errors speak English; people get these instead (the framework's text stays in details.problem). */
const HTTP_TO_MESSAGE: Record<number, string> = {
  400: '请求无效，请检查后重试',
  401: '请先登录',
  403: '您无权执行此操作',
  404: '请求的内容不存在',
  405: '不支持该请求方式',
  409: '操作冲突，请刷新后重试',
  413: '请求内容过大',
  415: '不支持该内容类型',
  429: '请求过于频繁，请稍后再试',
};

function forPeople(status: number, code: ErrorCode, message: string): ErrorBody {
  if (/[\u4e00-\u9fff]/.test(message)) return { error: { code, message } };
  return {
    error: {
      code,
      message: HTTP_TO_MESSAGE[status] ?? '请求无效，请检查后重试',
      details: { problem: message },
    },
  };
}

const DB_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);
const DB_DOWN_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|connect ECONNREFUSED|the database system is (starting up|shutting down)/i;

/** True when an error (or its cause: drizzle wraps driver errors) says the database cannot be reached right now. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: any = err, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (DB_DOWN_CODES.has(e.code) || (typeof e.message === 'string' && DB_DOWN_MESSAGE.test(e.message)))
      return true;
  }
  return false;
}

/** The one place errors become responses: domain codes to HTTP, framework errors to codes, unknown errors to 500 + an error id. */
export function toErrorBody(
  err: unknown,
  logger: Logger,
  reqId?: string,
): { status: number; body: ErrorBody } {
  if (err instanceof DomainError) {
    return {
      status: ERROR_HTTP_STATUS[err.code],
      body: { error: { code: err.code, message: err.message, details: err.details } },
    };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    if (status < 500) {
      const res = err.getResponse() as any;
      const message =
        typeof res === 'string'
          ? res
          : Array.isArray(res?.message)
            ? res.message.join('; ')
            : (res?.message ?? err.message);
      return { status, body: forPeople(status, HTTP_TO_CODE[status] ?? ErrorCode.BAD_REQUEST, message) };
    }
  }
  const fastifyStatus = (err as any)?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    return {
      status: fastifyStatus,
      body: forPeople(
        fastifyStatus,
        HTTP_TO_CODE[fastifyStatus] ?? ErrorCode.BAD_REQUEST,
        String((err as Error).message),
      ),
    };
  }
  const fault = storageFault(err);
  if (fault) {
    recordStorageFault(fault);
    logger.error(
      { reqId, storage: fault },
      `storage unavailable: ${fault.code} at ${fault.path ?? 'the database storage'}: ${fault.message}`,
    );
    return {
      status: 503,
      body: {
        error: {
          code: ErrorCode.STORAGE_UNAVAILABLE,
          message: `数据存储暂时无法写入（${fault.cause}），请稍后重试或联系管理员`,
        },
      },
    };
  }
  if (isDatabaseUnavailable(err)) {
    logger.warn({ err, reqId }, `database unavailable: ${(err as Error)?.message}`);
    return {
      status: 503,
      body: {
        error: {
          code: ErrorCode.UNAVAILABLE,
          message: '服务暂时不可用，请稍后重试',
        },
      },
    };
  }
  const errorId = randomUUID();
  logger.error({ errorId, reqId, err }, `unhandled error ${errorId}: ${(err as Error)?.message}`);
  return {
    status: 500,
    body: {
      error: {
        code: ErrorCode.INTERNAL,
        message: `服务器内部错误，错误编号 ${errorId}`,
        errorId,
      },
    },
  };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(err: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse();
    const { status, body } = toErrorBody(
      err,
      this.logger,
      (http.getRequest() as { id?: string } | undefined)?.id,
    );
    if (status === 503) reply.header('retry-after', '5');
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
