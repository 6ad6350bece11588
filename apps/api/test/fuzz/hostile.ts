import fc from 'fast-check';
import { type IdSource, type JsonSchema, type Resolve, variants } from './schema-arbitraries.js';

/** `{"__proto__": …}` as an own key, the way JSON.parse leaves it and JSON.stringify writes it. */
export function withOwnKey(key: string, value: unknown, base: object = {}): object {
  const object = { ...base };
  Object.defineProperty(object, key, { value, enumerable: true, writable: true });
  return object;
}

const deep = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

/** Text that breaks naive code: NUL, lone surrogates, bidi and BOM, SQL and path tricks. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800x',
  'x\udfff',
  '\ud83d',
  '\ufeffx',
  'ab\u202ecd',
  '\r\n\t',
  '%00',
  '%',
  '\\',
  "'",
  "' OR '1'='1' --",
  '"); drop table x; --',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'toString',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '٣٤',
  'Ａ',
  '😀',
  'e\u0301',
];

/** Numbers at and past every edge: huge, tiny, negative zero, unsafe integers. */
export const NASTY_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e21,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  5e-324,
  1e-320,
  0.1 + 0.2,
];

/** Decimal strings past the columns' precision and other number-like text. */
export const NASTY_DECIMALS: readonly string[] = [
  '99999999999999.999999',
  '-99999999999999.999999',
  '999999999999999',
  '99999999999999.9999999',
  '0.0000001',
  '1e5',
  '1e400',
  'NaN',
  'Infinity',
  '-0',
  '0x10',
  '1_000',
  '1,5',
  ' 1',
  '１',
  '00000000000001.5',
  '9'.repeat(1000),
];

const DATES = [
  '2024-02-30',
  '2024-13-01',
  '0000-01-01',
  '9999-12-31',
  '+275760-09-13',
  '-000001-01-01',
  '2024-01-01T25:61:61Z',
  '1970-01-01T00:00:00+99:99',
  '2024-01-01T00:00:00.123456789Z',
];

/** Whole bodies of the wrong shape, and objects built to poison prototypes. */
export const NASTY_BODIES: readonly unknown[] = [
  null,
  [],
  [{}],
  '',
  'text',
  0,
  -1,
  true,
  false,
  {},
  withOwnKey('__proto__', { polluted: true, isAdmin: true }),
  withOwnKey('constructor', { prototype: { polluted: true } }),
  { toString: 'x', valueOf: 1, hasOwnProperty: null },
  deep(1000),
];

/** Raw request texts: not JSON, truncated, duplicated keys, BOM, UTF-16. */
export const NASTY_RAW_JSON: readonly string[] = [
  '',
  '{',
  '{"a":',
  'nul',
  '{"a":1,"a":2}',
  '\ufeff{}',
  '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{"x":1}}}',
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  '{"x":"\\ud800"}',
  '{"x":"\\u0000"}',
  '1e99999',
  '"\\uD800"',
];

const text = (max: number | undefined, unit: string): string[] => {
  if (max === undefined) return [unit.repeat(5000)];
  const n = Math.min(max, 100_000);
  return [unit.repeat(n), unit.repeat(n + 1)];
};

/**
 * A hostile value for one field, chosen by its schema: the wrong type, a value at or past
 * each of its limits, text that breaks naive code, and ids of the other company (the same
 * kind of record first, then anything of theirs) or of the wrong kind in one's own.
 */
export function hostileArb(
  schema: JsonSchema,
  resolve: Resolve,
  ids: IdSource,
  field: string,
): fc.Arbitrary<unknown> {
  const bySchema = cache.get(ids) ?? new WeakMap<JsonSchema, Map<string, fc.Arbitrary<unknown>>>();
  cache.set(ids, bySchema);
  const byField = bySchema.get(schema) ?? new Map<string, fc.Arbitrary<unknown>>();
  bySchema.set(schema, byField);
  const known = byField.get(field);
  if (known) return known;
  const made = buildHostile(schema, resolve, ids, field);
  byField.set(field, made);
  return made;
}

const cache = new WeakMap<IdSource, WeakMap<JsonSchema, Map<string, fc.Arbitrary<unknown>>>>();
const HUGE = 'x'.repeat(1_000_000);

function buildHostile(
  schema: JsonSchema,
  resolve: Resolve,
  ids: IdSource,
  field: string,
): fc.Arbitrary<unknown> {
  const picks: fc.WeightedArbitrary<unknown>[] = [];
  const add = (weight: number, arbitrary: fc.Arbitrary<unknown>): void => {
    picks.push({ weight, arbitrary });
  };
  add(2, fc.constantFrom<unknown>(...NASTY_STRINGS));
  add(1, fc.constantFrom<unknown>(...NASTY_NUMBERS));
  add(1, fc.constantFrom<unknown>(null, true, [], {}, [null], { a: 1 }, NASTY_BODIES[10]));
  for (const v of variants(schema, resolve)) {
    const t = Array.isArray(v.type) ? v.type : [v.type];
    if (v.format === 'uuid' || /Ids?$/.test(field) || field === 'id') {
      const foreign = ids.foreign(field);
      if (foreign.length) add(6, fc.constantFrom(...foreign));
      if (ids.anyForeign.length) add(4, fc.constantFrom(...ids.anyForeign));
      if (ids.anyOwn.length) add(2, fc.constantFrom(...ids.anyOwn));
      add(
        2,
        fc.constantFrom(
          '00000000-0000-0000-0000-000000000000',
          'ffffffff-ffff-ffff-ffff-ffffffffffff',
          '00000000-0000-0000-0000-00000000000',
          'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
          `${ids.anyForeign[0] ?? '0'}\u0000`,
          (ids.anyForeign[0] ?? '').toUpperCase(),
          `{${ids.anyForeign[0] ?? ''}}`,
        ),
      );
      add(1, fc.uuid());
    }
    if (t.includes('string')) {
      const max = v.maxLength;
      add(
        3,
        fc.constantFrom(
          ...text(max, 'x'),
          ...text(max, 'é'),
          // A 4-byte character is two UTF-16 units: at the limit in code points is past it
          // in units, and half of it is at the limit in units.
          ...text(max, '😀'),
          ...(max ? ['😀'.repeat(Math.ceil(max / 2))] : []),
          ...(v.minLength ? ['x'.repeat(v.minLength - 1)] : []),
          HUGE,
        ),
      );
      if (v.format === 'date' || v.format === 'date-time') add(3, fc.constantFrom(...DATES));
      if (v.format === 'email')
        add(2, fc.constantFrom('a@b', '@x.test', `${'a'.repeat(300)}@x.test`, 'ANA@EXAMPLE.TEST'));
      if (v.format === 'uri')
        add(2, fc.constantFrom('javascript:alert(1)', 'http://127.0.0.1:1/', 'file:///etc/passwd'));
      if (v.pattern?.includes('\\d') || v.$ref === undefined)
        add(2, fc.constantFrom<unknown>(...NASTY_DECIMALS));
      if (v.enum)
        add(
          2,
          fc.constantFrom<unknown>(
            ...v.enum.map((e) => `${String(e).toUpperCase()} `),
            '__proto__',
            'hasOwnProperty',
          ),
        );
      add(1, fc.string({ unit: 'binary', maxLength: 30 }));
    }
    if (t.includes('integer') || t.includes('number')) {
      const edges = [v.minimum, v.maximum, v.exclusiveMinimum, v.exclusiveMaximum]
        .filter((n): n is number => n !== undefined)
        .flatMap((n) => [n - 1, n, n + 1, n + 0.5]);
      add(3, fc.constantFrom<unknown>(...NASTY_NUMBERS, ...edges, '1', '1e3', 'NaN'));
    }
    if (t.includes('array')) {
      const item = v.items ?? {};
      const max = v.maxItems ?? 50;
      add(
        3,
        fc.constantFrom<unknown>(
          Array.from({ length: max + 1 }, () =>
            variants(item, resolve)[0]?.type === 'string' ? 'x' : 1,
          ),
          [null],
          [[]],
          ['x', 'x'],
          'x',
          ids.anyForeign.slice(0, 5),
          deep(200),
        ),
      );
    }
    if (t.includes('object') || v.properties) {
      add(
        3,
        fc.constantFrom<unknown>(
          withOwnKey('__proto__', { polluted: true }),
          withOwnKey('constructor', { prototype: { polluted: true } }),
          { ...Object.fromEntries(Object.keys(v.properties ?? {}).map((k) => [k, null])) },
          { unknownField: 1 },
          [],
          'x',
        ),
      );
    }
    if (t.includes('boolean')) add(2, fc.constantFrom<unknown>('true', 1, 0, 'false', 'yes'));
  }
  return fc.oneof(...picks);
}
