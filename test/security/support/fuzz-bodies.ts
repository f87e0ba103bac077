import fc from 'fast-check';
import { Operation } from './openapi';
import { boundaryNumber, nastyString, validLooking, wrongValue } from './fuzz-values';

/** Request bodies for one operation: valid-looking ones, one field broken, the wrong content type, malformed JSON. */

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
