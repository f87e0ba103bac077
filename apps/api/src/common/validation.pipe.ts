import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, hasLoneSurrogate, isStorableText } from '@tiaojie/core';
import { emptyBodyProblem } from './non-empty-body';

const MAX_DEPTH = 32;

function flatten(errors: ValidationError[], prefix = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Refuses what no field may hold before class-validator sees it: nesting deeper than MAX_DEPTH (which would
 * overflow the transformer's recursion), NUL characters (which PostgreSQL text cannot store) and unpaired UTF-16
 * surrogates (not text: UTF-8 cannot encode them, and the driver would store U+FFFD in their place). Iterative.
 */
function screen(value: unknown): string | null {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return '文本中不能含有空字符';
      if (hasLoneSurrogate(v)) return '文本中含有无效的 Unicode 字符';
    } else if (v !== null && typeof v === 'object') {
      if (depth >= MAX_DEPTH) return `嵌套层级过深`;
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
        if (!isStorableText(k)) return '字段名中含有无效字符';
        stack.push({ v: child, depth: depth + 1 });
      }
    }
  }
  return null;
}

class EdgeValidationPipe extends ValidationPipe {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // parameters from our own decorators (the signed-in actor) are not client input
    if (metadata.type === 'custom') return value;
    const problem = screen(value);
    if (problem) throw DomainError.validation(`请求参数有误：${problem}`);
    if (
      metadata.type === 'body' &&
      metadata.metatype &&
      metadata.metatype !== Object &&
      (value === null || typeof value !== 'object' || Array.isArray(value))
    ) {
      throw DomainError.validation('请求体须为 JSON 对象');
    }
    const out = await super.transform(value, metadata);
    // after the whitelist: a body whose fields are all optional must carry one (an empty update is no update)
    if (metadata.type === 'body' && metadata.metatype && metadata.metatype !== Object) {
      const empty = emptyBodyProblem(metadata.metatype, out);
      if (empty) throw DomainError.validation(empty, { fields: [] });
    }
    return out;
  }
}

/** One validation pass at the edge: whitelist, unknown fields refused, types converted only where declared. */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const message = fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; ');
      // rules written for people (Chinese, e.g. 金额不能为负数) are shown; class-validator's English stays in details
      const forPeople = [
        ...new Set(fields.flatMap((f) => f.problems).filter((p) => /[\u4e00-\u9fff]/.test(p))),
      ];
      const text =
        forPeople.length > 0 ? `请求参数有误：${forPeople.join('；')}` : '请求参数有误，请检查填写的内容';
      return DomainError.validation(text, { fields, problems: message });
    },
  });
}
