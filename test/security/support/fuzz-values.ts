import fc from 'fast-check';
import { JsonSchema } from './openapi';

/** Values that have broken servers before, and values that look valid for a declared schema. */

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
