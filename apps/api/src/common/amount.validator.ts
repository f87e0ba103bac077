import { ValidateBy, ValidationOptions, buildMessage } from 'class-validator';

/**
 * A money amount in yuan: a finite number with at most 2 decimal places. class-validator's
 * `IsNumber({ maxDecimalPlaces })` throws (a 500) on numbers JavaScript prints in exponent form, such as 8e-323.
 */
export function isAmount(value: unknown): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  const text = String(value);
  if (/e/i.test(text)) return Number.isInteger(value);
  const decimals = text.split('.')[1];
  return decimals === undefined || decimals.length <= 2;
}

export function IsAmount(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAmount',
      validator: {
        validate: (value) => isAmount(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an amount with at most 2 decimal places`,
          options,
        ),
      },
    },
    options,
  );
}
