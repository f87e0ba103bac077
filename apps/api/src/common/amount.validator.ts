import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';

/** The largest amount a claim may state (yuan); the column holds 12 integer digits. */
export const MAX_AMOUNT = 1e11;

/**
 * Why `value` is not a money amount in yuan (a finite number from 0 to MAX_AMOUNT with at most 2 decimal places),
 * in Chinese, or null when it is one. A negative amount is refused, never clamped to 0. class-validator's
 * `IsNumber({ maxDecimalPlaces })` throws (a 500) on numbers JavaScript prints in exponent form, such as 8e-323.
 */
export function amountProblem(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '金额须为数字';
  if (value < 0) return '金额不能为负数';
  if (value > MAX_AMOUNT) return '金额不能超过 1000 亿元';
  const text = String(value);
  if (/e/i.test(text) ? !Number.isInteger(value) : (text.split('.')[1]?.length ?? 0) > 2)
    return '金额最多保留两位小数';
  return null;
}

export function isAmount(value: unknown): boolean {
  return amountProblem(value) === null;
}

export function IsAmount(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAmount',
      validator: {
        validate: (value) => isAmount(value),
        defaultMessage: (args?: ValidationArguments) => amountProblem(args?.value) ?? '金额无效',
      },
    },
    options,
  );
}
