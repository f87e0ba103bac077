import fc from 'fast-check';
import { JsonSchema, Operation, fillPath } from './openapi';
import { nastyString, validLooking } from './fuzz-values';
import { BodySpec, bodyArb } from './fuzz-bodies';
import { AuthKind, authArb } from './fuzz-auth';

/**
 * fast-check generators for requests to one OpenAPI operation: valid-looking bodies from the declared schema
 * and every way of getting them wrong that a browser, a script or an attacker produces.
 */

/** Path parameter values: real ids of the world, random UUIDs, and junk (already URI-encoded, some deliberately badly). */
export function pathValueArb(
  name: string,
  ids: readonly string[],
  extra: readonly string[] = [],
): fc.Arbitrary<string> {
  const enc = (s: string) => {
    try {
      return encodeURIComponent(s);
    } catch {
      return '%ED%A0%80';
    }
  };
  const special =
    name === 'year'
      ? [
          fc.constantFrom(
            '2027',
            '2026',
            '0',
            '-1',
            '1.5',
            '99999999999',
            '2147483648',
            'NaN',
            '1e3',
            '2027abc',
          ),
        ]
      : [];
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ids, ...extra) },
    { weight: 2, arbitrary: fc.uuid() },
    ...special.map((arbitrary) => ({ weight: 3, arbitrary })),
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '%ED%A0%80',
        '%FF%FE',
        '%',
        '%zz',
        '..%2F..%2Fetc',
        '%00',
        'not-a-uuid',
        '1',
        '-1',
        'null',
        encodeURIComponent('Ⅷ'.repeat(300)),
        'x'.repeat(3000),
      ),
    },
    { weight: 2, arbitrary: nastyString.map(enc) },
  );
}

/** Query strings: declared parameters with valid and nasty values, repeated keys, nested keys, unknown keys. */
export function queryArb(op: Operation, ids: readonly string[]): fc.Arbitrary<string> {
  const declared = op.params.filter((p) => p.in === 'query');
  const enc = (s: string) => {
    try {
      return encodeURIComponent(s);
    } catch {
      return '%ED%A0%80';
    }
  };
  const value = (p: { name: string; schema: JsonSchema }) =>
    fc.oneof(
      validLooking(p.schema, ids, p.name).map((v) => enc(String(v))),
      fc.constantFrom('1', '0', '-1', '200', '1000', '999', '1e3', '01', ' 1', 'true', 'false', '').map(enc),
      nastyString.map(enc),
    );
  const pairs = fc.array(
    fc.oneof(
      ...(declared.length
        ? [fc.constantFrom(...declared).chain((p) => value(p).map((v) => `${p.name}=${v}`))]
        : []),
      ...(declared.length ? [fc.constantFrom(...declared).map((p) => `${p.name}=1&${p.name}=2`)] : []),
      ...(declared.length ? [fc.constantFrom(...declared).map((p) => `${p.name}[a]=1`)] : []),
      fc.constantFrom(
        '__proto__[polluted]=1',
        'constructor[prototype][x]=1',
        'unknown=1',
        'a=%FF',
        '%=%',
        'x='.concat('y'.repeat(5000)),
      ),
    ),
    { maxLength: 3 },
  );
  return pairs.map((ps) => (ps.length ? `?${ps.join('&')}` : ''));
}

export interface FuzzRequest {
  method: string;
  path: string;
  body: BodySpec;
  auth: AuthKind;
}

/** A request to `op`: path parameters, query, body and Authorization all generated. */
export function requestArb(
  op: Operation,
  ids: readonly string[],
  pathExtras: Record<string, readonly string[]> = {},
): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const values = fc.record(
    Object.fromEntries(
      pathParams.map((p) => [p.name, pathValueArb(p.name, ids, pathExtras[p.name] ?? [])]),
    ) as Record<string, fc.Arbitrary<string>>,
  );
  return fc
    .record({ values, query: queryArb(op, ids), body: bodyArb(op, ids), auth: authArb() })
    .map(({ values: v, query, body, auth }) => ({
      method: op.method,
      path: fillPath(op.path, v, true) + query,
      body,
      auth,
    }));
}

/** Replaces every string in a value (keys kept) with `f(string)`. */
export function mapStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f));
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, f)]));
  return v;
}

/**
 * Requests that must be tried on every run, whatever fast-check draws: classes of input that have broken this
 * api (a NUL character in every string field, a JSON body nested 10,000 deep, a path parameter that is not
 * UTF-8 or longer than the router's limit). `pathIds` gives a real id for each path parameter.
 */
export function regressionRequests(
  op: Operation,
  ids: readonly string[],
  pathIds: Record<string, string>,
  seed: number,
): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  const real = fillPath(op.path, pathIds, true);
  const hasPathParams = op.params.some((p) => p.in === 'path');
  if (op.body?.schema) {
    const [valid] = fc.sample(validLooking(op.body.schema, ids), { numRuns: 1, seed });
    const withNul = mapStrings(valid, (x) => (/^[0-9a-f-]{36}$/i.test(x) ? x : `${x}\u0000`));
    out.push({
      method: op.method,
      path: real,
      body: { kind: 'unicode', contentType: 'application/json', data: JSON.stringify(withNul) },
      auth: 'own',
    });
  }
  if (['POST', 'PUT', 'PATCH'].includes(op.method)) {
    out.push({
      method: op.method,
      path: real,
      body: {
        kind: 'deep-nesting',
        contentType: 'application/json',
        data: '['.repeat(10_000) + ']'.repeat(10_000),
      },
      auth: 'own',
    });
  }
  if (hasPathParams) {
    const first = op.params.find((p) => p.in === 'path')!.name;
    out.push({
      method: op.method,
      path: fillPath(op.path, { ...pathIds, [first]: '%ED%A0%80' }, true),
      body: { kind: 'none', contentType: null, data: null },
      auth: 'own',
    });
    out.push({
      method: op.method,
      path: fillPath(op.path, { ...pathIds, [first]: 'a'.repeat(120) }, true),
      body: { kind: 'none', contentType: null, data: null },
      auth: 'own',
    });
  }
  return out;
}
