import { ErrorCode } from './error-codes';

/** What callers name in English (a program's word) and what a person reads. */
const THING_NAMES: Record<string, string> = {
  case: '案件',
  room: '调解室',
  session: '调解安排',
  party: '当事人',
  'agreement for case': '调解协议',
  'performance item': '履行事项',
  staff: '工作人员',
  attachment: '附件',
  member: '会议室成员',
  notification: '通知',
  'dead letter': '死信消息',
  body: '调解组织',
  conflict: '回避信息',
  mediator: '调解员',
  'import run': '导入记录',
  'duplicate pair': '疑似重复记录',
  'webhook source': '推送数据源',
  'joined room': '已加入的调解室（请先加入）',
  call: '已加入的视频通话（请先加入）',
  'call peer': '通话中的参与人',
  recording: '调解录像',
};

/** A failure the caller can act on. `details` is safe to show to the client. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** `what` is a program's word ('case'); the message names it in Chinese and the id goes to details. */
  static notFound(what: string, id?: string): DomainError {
    const name = THING_NAMES[what] ?? (/[\u4e00-\u9fff]/.test(what) ? what : '记录');
    return new DomainError(ErrorCode.NOT_FOUND, `${name}不存在或无权查看`, id ? { id } : undefined);
  }

  static forbidden(message = '您无权执行此操作'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }

  static validation(message: string, details?: Record<string, unknown>): DomainError {
    return new DomainError(ErrorCode.VALIDATION_FAILED, message, details);
  }

  /** A retry key seen before with another body: one rule everywhere keys are accepted, the stricter one. */
  static idempotencyKeyReused(field = 'Idempotency-Key', details?: Record<string, unknown>): DomainError {
    return new DomainError(
      ErrorCode.IDEMPOTENCY_KEY_REUSED,
      `该${field === 'Idempotency-Key' ? '幂等键（Idempotency-Key）' : '消息编号'}已用于内容不同的请求，新的请求请使用新的编号`,
      { field, ...details },
    );
  }
}
