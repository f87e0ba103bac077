import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from '@tiaojie/core';

function flatten(errors: ValidationError[], prefix = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** One validation pass at the edge: whitelist, unknown fields refused, types converted only where declared. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const message = fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; ');
      return DomainError.validation(`请求参数有误 (invalid request): ${message}`, { fields });
    },
  });
}
