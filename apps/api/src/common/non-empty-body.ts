import { ValidationTypes, getMetadataStorage } from 'class-validator';

const REQUIRE_ONE_OF = Symbol('tiaojie:requireOneOf');

/**
 * Names the fields of a body of which at least one must carry something (a value, or a non-empty list). Without it,
 * a body class whose every field is optional needs at least one field present: an update that changes nothing is
 * refused instead of reaching the database as an empty UPDATE.
 */
export function RequireOneOf(...fields: string[]): ClassDecorator {
  return (target) => Reflect.defineMetadata(REQUIRE_ONE_OF, fields, target);
}

/**
 * An action whose every field is optional (a reason, a note): an empty body is a complete request, not a no-op
 * update, so it is let through.
 */
export function EmptyBodyAllowed(): ClassDecorator {
  return RequireOneOf();
}

/** The fields of which one must be present, or null when the class has a required field (nothing to check). */
function requiredChoice(
  metatype: abstract new (...args: never[]) => unknown,
): { fields: string[]; nonEmptyLists: boolean } | null {
  const explicit = Reflect.getMetadata(REQUIRE_ONE_OF, metatype) as string[] | undefined;
  if (explicit) return explicit.length === 0 ? null : { fields: explicit, nonEmptyLists: true };
  const metas = getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false);
  const properties = [...new Set(metas.map((m) => m.propertyName))];
  if (properties.length === 0) return null;
  const optional = new Set(
    metas.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.propertyName),
  );
  return properties.every((p) => optional.has(p)) ? { fields: properties, nonEmptyLists: false } : null;
}

/**
 * A Chinese message when `value`, a request body of `metatype`, carries none of the fields it needs one of, or sets
 * one of them to null; null when the body is fine.
 */
export function emptyBodyProblem(
  metatype: abstract new (...args: never[]) => unknown,
  value: unknown,
): string | null {
  const choice = requiredChoice(metatype);
  if (!choice || value === null || typeof value !== 'object') return null;
  const body = value as Record<string, unknown>;
  // IsOptional lets null through; in a partial update it would write NULL into a column that has none
  const nulls = choice.fields.filter((f) => body[f] === null);
  if (nulls.length > 0) return `请求参数有误：${nulls.join('、')} 不能为空值，不修改的项请不要填写`;
  const carries = (f: string) =>
    body[f] !== undefined && !(choice.nonEmptyLists && Array.isArray(body[f]) && body[f].length === 0);
  if (choice.fields.some(carries)) return null;
  return `请求内容为空：请至少填写以下一项：${choice.fields.join('、')}`;
}
