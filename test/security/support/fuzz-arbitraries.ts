import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { JsonSchema, Operation, fillPath } from './openapi';

/**
 * fast-check generators for requests to one OpenAPI operation: valid-looking bodies from the declared schema
 * and every way of getting them wrong that a browser, a script or an attacker produces.
 */

/** Strings that have broken servers before: unusual Unicode (RTL, zero-width, lone surrogates, NUL, combining), injection shapes, numbers as text. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202Eevil\u202C.pdf',
  '\u200B\u200C\u200D\uFEFF',
  '\u2066\u2067\u2068\u2069',
  '\uD800',
  '\uDFFF',
  'x\uDBFFy',
  '\uDC00\uD800',
  '😀'.repeat(64),
  '👨‍👩‍👧‍👦',
  'Z̷̢̛͓a̸͚l̷g̶o̵',
  'a\u0301'.repeat(500),
  'שלום עולם',
  'مرحبا بالعالم',
  '　',
  'ｆｕｌｌｗｉｄｔｈ',
  '\t\n\r\v\f',
  '\r\n\r\nX-Injected: 1',
  "' OR '1'='1",
  '"; DROP TABLE users; --',
  '\\',
  '../../../../etc/passwd',
  '..%2f..%2f',
  '%00',
  '%ff',
  '<script>alert(1)</script>',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  '$where',
  '{"$gt":""}',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '9'.repeat(400),
  'true',
  'null',
  'undefined',
  '13800000001',
  '320612199001011232',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31T23:59:59Z',
  '2026-13-45T25:61:61+99:99',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  'a'.repeat(10_000),
  '调解'.repeat(3000),
];

export const BOUNDARY_NUMBERS: readonly number[] = [
  0,
  -0,
  1,
  -1,
  0.5,
  -0.5,
  0.001,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  2 ** 32,
  2 ** 53 - 1,
  2 ** 53 + 2,
  -(2 ** 53),
  1e21,
  -1e21,
  1e308,
  Number.MIN_VALUE,
  123.456789,
];

export const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...NASTY_STRINGS),
        fc.string({ maxLength: 8 }),
        fc.constantFrom(...NASTY_STRINGS),
      )
      .map(([a, b, c]) => a + b + c),
  },
);

export const boundaryNumber = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...BOUNDARY_NUMBERS) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

/** Any JSON value of the wrong shape: used where the schema wants something else. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  boundaryNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), nastyString, { maxKeys: 3 }),
  fc.constant(deepNest(200)),
  fc.constant(Array.from({ length: 5000 }, (_, i) => i)),
);

function deepNest(depth: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** Values for one field, guessed from its name when the schema says only "string". */
function stringFor(name: string, schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<string> {
  const examples = schema.example !== undefined ? [fc.constant(String(schema.example))] : [];
  const n = name.toLowerCase();
  const guesses: fc.Arbitrary<string>[] = [];
  if (n.endsWith('id') || n.endsWith('ids') || n === 'partykey')
    guesses.push(fc.constantFrom(...ids), fc.uuid());
  if (n.includes('phone')) guesses.push(fc.constantFrom('13800000001', '13912345678', '12345'));
  if (n.includes('idnumber')) guesses.push(fc.constantFrom('320612199001011232', '32061219900101123X'));
  if (n.endsWith('on') || n.endsWith('at') || n === 'start' || n === 'before')
    guesses.push(fc.constantFrom('2026-12-31', '2026-12-01T09:30:00+08:00', new Date().toISOString()));
  if (n.includes('password')) guesses.push(fc.constantFrom('Tiaojie2026', 'Welcome2026ok', 'short'));
  if (n === 'code') guesses.push(fc.stringMatching(/^\d{6}$/));
  if (n === 'streetcode') guesses.push(fc.constantFrom('JS', 'XF', 'JX', 'XD'));
  if (n === 'communitycode') guesses.push(fc.constantFrom('JS01', 'XF01'));
  if (n === 'category')
    guesses.push(fc.constantFrom('neighbour', 'property', 'family', 'labour', 'contract', 'medical'));
  return fc.oneof(
    ...examples,
    ...guesses,
    fc.constantFrom('测试内容', '邻居装修噪音持续到深夜，多次沟通无果。'),
    fc.string({ minLength: 1, maxLength: 20 }),
  );
}

/** A value that satisfies the schema's declared types (not necessarily the server's finer rules). */
export function validLooking(
  schema: JsonSchema | null,
  ids: readonly string[],
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema) return fc.constant({});
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const one = schema.oneOf ?? schema.anyOf;
  if (one?.length) return fc.oneof(...one.map((s) => validLooking(s, ids, name, depth + 1)));
  switch (schema.type) {
    case 'string':
      return stringFor(name, schema, ids);
    case 'number':
    case 'integer':
      return schema.example !== undefined
        ? fc.constant(schema.example)
        : fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 100_000 }));
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 4
        ? fc.constant([])
        : fc.array(validLooking(schema.items ?? { type: 'string' }, ids, name, depth + 1), {
            minLength: 0,
            maxLength: 3,
          });
    default: {
      if (depth > 4 || !schema.properties) return fc.constant({});
      const props = Object.entries(schema.properties);
      const required = new Set(schema.required ?? []);
      const rec: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of props) rec[k] = validLooking(s, ids, k, depth + 1);
      return fc.record(rec, { requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)) });
    }
  }
}

/** Paths to the leaves of a JSON value (for mutating one field). */
function leafPaths(
  v: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  if (v && typeof v === 'object') {
    const entries = Array.isArray(v)
      ? v.map((x, i) => [i, x] as const)
      : Object.entries(v as Record<string, unknown>);
    if (entries.length === 0 && prefix.length) out.push(prefix);
    for (const [k, x] of entries) leafPaths(x, [...prefix, k], out);
  } else if (prefix.length) {
    out.push(prefix);
  }
  return out;
}

function setAt(v: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  const copy = structuredClone(v) as any;
  let cur = copy;
  for (let i = 0; i < path.length - 1; i++) cur = cur[path[i]];
  const last = path[path.length - 1];
  if (remove) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else {
    cur[last] = value;
  }
  return copy;
}

export type BodyKind =
  | 'none'
  | 'valid'
  | 'missing-field'
  | 'wrong-type'
  | 'unicode'
  | 'boundary'
  | 'extra-field'
  | 'proto-pollution'
  | 'top-level-non-object'
  | 'malformed-json'
  | 'deep-nesting'
  | 'near-1mb'
  | 'over-1mb'
  | 'wrong-content-type'
  | 'empty-json'
  | 'multipart'
  | 'form-urlencoded'
  | 'binary';

export interface BodySpec {
  kind: BodyKind;
  contentType: string | null;
  /** The text sent (JSON and text kinds), or raw bytes, or a multipart form. */
  data: string | Buffer | FormData | null;
}

const json = (kind: BodyKind, v: unknown, contentType = 'application/json'): BodySpec => ({
  kind,
  contentType,
  data: JSON.stringify(v),
});

/** Pads the longest string of a body until its JSON is `bytes` long (or adds a field when it has none). */
function padTo(v: unknown, bytes: number): string {
  const base = JSON.stringify(v ?? {});
  const paths = leafPaths(v).filter((p) => {
    let cur: any = v;
    for (const k of p) cur = cur?.[k];
    return typeof cur === 'string';
  });
  const filler = (n: number) => '调'.repeat(Math.floor(n / 3)) + 'x'.repeat(n % 3);
  const room = Math.max(0, bytes - Buffer.byteLength(base));
  if (paths.length) return JSON.stringify(setAt(v, paths[0], filler(room + 1)));
  return JSON.stringify({
    ...(v && typeof v === 'object' && !Array.isArray(v) ? v : {}),
    padding: filler(room - 14),
  });
}

const MALFORMED_JSON = [
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{"a":NaN}',
  '{"a":undefined}',
  '[1,2',
  '{"a":"\\u12"}',
  '{"a":"unterminated',
  '\uFEFF{}',
  '{}{}',
  '{"a":1} trailing',
  '/* c */ {}',
  '{"a":01}',
  '{"a":.5}',
  '{"a":1e}',
  '"\\x00"',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
];

export function bodyArb(op: Operation, ids: readonly string[]): fc.Arbitrary<BodySpec> {
  const writes = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method);
  const schema = op.body?.schema ?? null;
  const base = validLooking(schema, ids);
  const objectBase = base.map((v) => (v && typeof v === 'object' ? v : {}));
  const mutated = (f: (v: any, paths: (string | number)[][]) => fc.Arbitrary<BodySpec>) =>
    objectBase.chain((v) => f(v, leafPaths(v)));
  const pickPath = (paths: (string | number)[][]) =>
    paths.length ? fc.constantFrom(...paths) : fc.constant(null);
  const kinds: { weight: number; arbitrary: fc.Arbitrary<BodySpec> }[] = [
    {
      weight: writes ? 1 : 6,
      arbitrary: fc.constant<BodySpec>({ kind: 'none', contentType: null, data: null }),
    },
    { weight: 4, arbitrary: base.map((v) => json('valid', v)) },
    {
      weight: 2,
      arbitrary: mutated((v) => {
        const required = schema?.required ?? Object.keys(v);
        return required.length
          ? fc.constantFrom(...required).map((k) => json('missing-field', setAt(v, [k], undefined, true)))
          : fc.constant(json('missing-field', {}));
      }),
    },
    {
      weight: 3,
      arbitrary: mutated((v, paths) =>
        fc.tuple(pickPath(paths), wrongValue).map(([p, x]) => json('wrong-type', p ? setAt(v, p, x) : x)),
      ),
    },
    {
      weight: 3,
      arbitrary: mutated((v, paths) =>
        fc
          .tuple(pickPath(paths), nastyString)
          .map(([p, x]) => json('unicode', p ? setAt(v, p, x) : { text: x })),
      ),
    },
    {
      weight: 2,
      arbitrary: mutated((v, paths) =>
        fc
          .tuple(pickPath(paths), boundaryNumber)
          .map(([p, x]) => json('boundary', p ? setAt(v, p, x) : { n: x })),
      ),
    },
    {
      weight: 2,
      arbitrary: mutated((v) =>
        fc
          .tuple(
            fc.constantFrom(
              'isAdmin',
              'role',
              'orgId',
              'userId',
              'status',
              'id',
              'version',
              '$where',
              'x'.repeat(300),
              '调解',
            ),
            wrongValue,
          )
          .map(([k, x]) => json('extra-field', { ...v, [k]: x })),
      ),
    },
    {
      weight: 1,
      arbitrary: mutated((v) =>
        fc
          .constantFrom(
            `{"__proto__":{"isAdmin":true},${JSON.stringify(v).slice(1)}`,
            `{"constructor":{"prototype":{"role":"district_admin"}},${JSON.stringify(v).slice(1)}`,
          )
          .map((text) => ({
            kind: 'proto-pollution' as const,
            contentType: 'application/json',
            data: text.replace(',}', '}'),
          })),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('[]', '[{}]', '"x"', '42', 'true', 'null', '-1e400')
        .map((data) => ({ kind: 'top-level-non-object' as const, contentType: 'application/json', data })),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(...MALFORMED_JSON)
        .map((data) => ({ kind: 'malformed-json' as const, contentType: 'application/json', data })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(10_000, 100_000, 300_000).map((n) => ({
        kind: 'deep-nesting' as const,
        contentType: 'application/json',
        data: '['.repeat(n) + ']'.repeat(n),
      })),
    },
    {
      weight: 1,
      arbitrary: objectBase.map((v) => ({
        kind: 'near-1mb' as const,
        contentType: 'application/json',
        data: padTo(v, 1_000_000),
      })),
    },
    {
      weight: 1,
      arbitrary: objectBase.map((v) => ({
        kind: 'over-1mb' as const,
        contentType: 'application/json',
        data: padTo(v, 1_100_000),
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          base,
          fc.constantFrom(
            'text/plain',
            'application/xml',
            'text/html',
            'application/json; charset=latin1',
            'application/vnd.api+json',
            'application/octet-stream',
            'image/png',
            '',
          ),
        )
        .map(([v, ct]) => ({
          kind: 'wrong-content-type' as const,
          contentType: ct,
          data: JSON.stringify(v),
        })),
    },
    {
      weight: 1,
      arbitrary: fc.constant<BodySpec>({ kind: 'empty-json', contentType: 'application/json', data: '' }),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.uint8Array({ maxLength: 2048 }),
          fc.constantFrom('file', 'upload', 'x'),
          nastyString,
          fc.option(nastyString),
          fc.constantFrom('image/png', 'application/pdf', 'text/plain', 'application/x-msdownload'),
        )
        .map(([bytes, field, name, clientMsgId, mime]) => {
          const form = new FormData();
          if (clientMsgId !== null) form.append('clientMsgId', clientMsgId);
          form.append(field, new Blob([Buffer.from(bytes)], { type: mime }), name || 'x');
          return { kind: 'multipart' as const, contentType: null, data: form };
        }),
    },
    {
      weight: 1,
      arbitrary: base.map((v) => ({
        kind: 'form-urlencoded' as const,
        contentType: 'application/x-www-form-urlencoded',
        data: new URLSearchParams(
          Object.entries((v ?? {}) as object).map(([k, x]): [string, string] => [k, String(x)]),
        ).toString(),
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 4096 })
        .map((b) => ({ kind: 'binary' as const, contentType: 'application/json', data: Buffer.from(b) })),
    },
  ];
  return fc.oneof(...kinds);
}

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

/** What the Authorization header carries: the principal's own token, or a broken / forged one. */
export type AuthKind =
  'own' | 'none' | 'garbage' | 'alg-none' | 'wrong-secret' | 'expired' | 'basic' | 'huge';

export function authArb(): fc.Arbitrary<AuthKind> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant<AuthKind>('own') },
    {
      weight: 1,
      arbitrary: fc.constantFrom<AuthKind>(
        'none',
        'garbage',
        'alg-none',
        'wrong-secret',
        'expired',
        'basic',
        'huge',
      ),
    },
  );
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
function hs256(payload: Record<string, unknown>, secret: string): string {
  const head = b64({ alg: 'HS256', typ: 'JWT' });
  const body = b64(payload);
  return `${head}.${body}.${createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')}`;
}

/** The Authorization header for a kind; `secret` is the test app's JWT secret (to forge an expired token). */
export function authHeader(kind: AuthKind, ownToken: string | null, secret: string): string | null {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: '00000000-0000-0000-0000-000000000001',
    role: 'district_admin',
    org: null,
    name: 'forged',
    iss: 'tiaojie',
  };
  switch (kind) {
    case 'own':
      return ownToken ? `Bearer ${ownToken}` : null;
    case 'none':
      return null;
    case 'garbage':
      return 'Bearer not.a.jwt';
    case 'alg-none':
      return `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, iat: now, exp: now + 600 })}.`;
    case 'wrong-secret':
      return `Bearer ${hs256({ ...claims, iat: now, exp: now + 600 }, 'not-the-secret-not-the-secret-not-the-secret')}`;
    case 'expired':
      return `Bearer ${hs256({ ...claims, iat: now - 7200, exp: now - 3600 }, secret)}`;
    case 'basic':
      return `Basic ${Buffer.from('admin:Tiaojie2026').toString('base64')}`;
    case 'huge':
      return `Bearer ${'a'.repeat(8000)}`;
  }
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
