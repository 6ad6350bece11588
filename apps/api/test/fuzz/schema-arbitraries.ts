import fc from 'fast-check';

/** The part of JSON Schema (as zod-openapi writes it) the generator reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
}

/** Where ids come from: the generator asks by field name, the seeded companies answer. */
export interface IdSource {
  /** Ids of the principal's own company that suit a field (`partyId` → parties). */
  own(field: string): readonly string[];
  /** The same kind of record in the other company: the hostile pick. */
  foreign(field: string): readonly string[];
  /** Every id of the other company and its members' user ids. */
  anyForeign: readonly string[];
  /** Every id of the principal's own company, whatever the type (wrong-kind ids). */
  anyOwn: readonly string[];
  /** Map keys the company uses: custom field keys, variant attributes. */
  keys: readonly string[];
  /** Addresses that answer: the test's OpenID provider and its redirect URI. */
  uris: readonly string[];
  /** Names of records a text field refers to (`roles` → role keys), from the lists. */
  named(field: string): readonly string[];
}

export type Resolve = (schema: JsonSchema) => JsonSchema;

/** `#/components/schemas/X` resolved against the document; other schemas pass through. */
export function resolver(components: Record<string, JsonSchema>): Resolve {
  const resolve = (schema: JsonSchema): JsonSchema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = components[name];
    if (!target) throw new Error(`Unknown $ref ${schema.$ref}`);
    return resolve(target);
  };
  return resolve;
}

const types = (s: JsonSchema): string[] =>
  s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];

/** The variants of a union, or the schema itself. */
export function variants(schema: JsonSchema, resolve: Resolve): JsonSchema[] {
  const s = resolve(schema);
  if (s.anyOf) return s.anyOf.flatMap((v) => variants(v, resolve));
  if (s.oneOf) return s.oneOf.flatMap((v) => variants(v, resolve));
  if (s.allOf?.[0]) return variants(s.allOf[0], resolve);
  const t = types(s);
  if (t.length > 1) return t.map((type) => ({ ...s, type }));
  return [s];
}

export const isUuidSchema = (s: JsonSchema): boolean => s.format === 'uuid';

const DATES = ['2024-01-31', '2025-06-15', '2026-12-07', '2030-02-28'];
const DATE_TIMES = ['2024-01-31T10:00:00.000Z', '2026-12-07T13:00:00Z', '2031-05-01T00:00:00.000Z'];

/**
 * A value its schema accepts, or close to it: the base of every case, so that a request
 * with one field mutated gets past the other fields' checks and reaches the service and
 * the database. Strings stay short, arrays at most three items, optional fields half the
 * time; ids come from the id source by field name.
 */
export function validArb(
  schema: JsonSchema,
  resolve: Resolve,
  ids: IdSource,
  field = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const options = variants(schema, resolve);
  // Prefer a non-null variant: null is tried by the hostile values.
  const nonNull = options.filter((v) => !types(v).includes('null') || types(v).length > 1);
  let pool = nonNull.length ? nonNull : options;
  // A recursive schema (rule conditions) stops at scalars once deep enough.
  if (depth > 6) {
    const scalars = pool.filter(
      (v) => !['object', 'array'].includes(types(v)[0] ?? '') && !v.properties,
    );
    if (!scalars.length) return fc.constant(null);
    pool = scalars;
  }
  if (pool.length > 1) return fc.oneof(...pool.map((v) => one(v, resolve, ids, field, depth)));
  return one(pool[0] ?? {}, resolve, ids, field, depth);
}

function one(
  s: JsonSchema,
  resolve: Resolve,
  ids: IdSource,
  field: string,
  depth: number,
): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const type = types(s)[0];
  if (type === 'null') return fc.constant(null);
  if (type === 'boolean') return fc.boolean();
  if (type === 'integer' || type === 'number') {
    const min = Math.max(s.minimum ?? -1000, (s.exclusiveMinimum ?? -1e15) + 1, -1e6);
    const max = Math.min(s.maximum ?? 1000, (s.exclusiveMaximum ?? 1e15) - 1, 1e6);
    const lo = Math.ceil(Math.min(min, max));
    const hi = Math.floor(Math.max(min, max));
    return type === 'integer'
      ? fc.integer({ min: lo, max: hi })
      : fc.oneof(fc.integer({ min: lo, max: hi }), fc.double({ min: lo, max: hi, noNaN: true }));
  }
  if (type === 'array') {
    if (s.prefixItems) {
      return fc.tuple(...s.prefixItems.map((p) => validArb(p, resolve, ids, field, depth + 1)));
    }
    // At least one item: an empty list says little (and some lists may not be empty).
    const min = Math.min(Math.max(s.minItems ?? 0, 1), s.maxItems ?? 1);
    const max = Math.max(min, Math.min(s.maxItems ?? 3, 3, depth > 2 ? min : 3));
    const singular = field.replace(/Ids$/, 'Id').replace(/s$/, '');
    return fc.uniqueArray(validArb(s.items ?? {}, resolve, ids, singular, depth + 1), {
      minLength: min,
      maxLength: max,
      selector: (v) => JSON.stringify(v),
    });
  }
  if (type === 'object' || s.properties) return objectArb(s, resolve, ids, depth);
  if (type === 'string') return stringArb(s, ids, field);
  // No type: anything JSON.
  return fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean());
}

function objectArb(
  s: JsonSchema,
  resolve: Resolve,
  ids: IdSource,
  depth: number,
): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, prop] of Object.entries(props)) {
    // Deep optional structure is left out: it multiplies the body without reaching more code.
    if (depth > 3 && !required.has(key)) continue;
    model[key] = validArb(prop, resolve, ids, key, depth + 1);
  }
  const record = fc.record(model, { requiredKeys: [...required].filter((k) => k in model) });
  if (typeof s.additionalProperties === 'object' && !s.properties) {
    // A map (`Record<string, T>`): a few keys its propertyNames allow.
    // Keys the companies use (custom field keys, variant attributes) when there are any.
    const known = ids.keys.filter(
      (k) => !s.propertyNames?.pattern || new RegExp(s.propertyNames.pattern).test(k),
    );
    const key = known.length
      ? fc.constantFrom(...known)
      : s.propertyNames?.pattern
        ? fc.stringMatching(new RegExp(s.propertyNames.pattern)).map((k) => k.slice(0, 30))
        : fc.constantFrom('color', 'talle');
    return fc.dictionary(key, validArb(s.additionalProperties, resolve, ids, '', depth + 1), {
      maxKeys: 1,
    });
  }
  return record;
}

function stringArb(s: JsonSchema, ids: IdSource, field: string): fc.Arbitrary<string> {
  if (s.format === 'uuid') {
    const own = ids.own(field);
    return own.length ? fc.constantFrom(...own) : fc.uuid({ version: 7 });
  }
  if (s.format === 'email')
    return fc.constantFrom('ana@example.test', 'compras@empresa.test', 'x.y+z@sub.example.test');
  if (s.format === 'date') return fc.constantFrom(...DATES);
  if (s.format === 'date-time') return fc.constantFrom(...DATE_TIMES);
  if (s.format === 'uri') return fc.constantFrom(...ids.uris);
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? min + 24, min + 24);
  const named = ids.named(field);
  if (named.length) return fc.constantFrom(...named);
  if (s.pattern) {
    const pattern = new RegExp(s.pattern);
    const limit = s.maxLength ?? Infinity;
    // Patterns bound their own length; the rare longer match is cut to the limit.
    return fc.stringMatching(pattern).map((v) => (v.length <= limit ? v : v.slice(0, limit)));
  }
  // Mostly letters and digits (names and codes that look like data), sometimes any text;
  // lengths are drawn within the bounds, never filtered, so no bound can stall generation.
  const alnum = fc.constantFrom(
    ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  );
  const ends = Math.max(min, 1);
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.string({ unit: alnum, minLength: ends, maxLength: Math.max(ends, max) }),
    },
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: 'grapheme-ascii', minLength: ends, maxLength: Math.max(ends, max) })
        .map((v) => (v.trim().length >= min ? v : v.replace(/\s/g, 'x'))),
    },
  );
}

/** Every property path of a schema (objects and the first item of arrays), with its schema. */
export function schemaPaths(
  schema: JsonSchema,
  resolve: Resolve,
  prefix: (string | number)[] = [],
  depth = 0,
): { path: (string | number)[]; schema: JsonSchema }[] {
  if (depth > 4) return [];
  const out: { path: (string | number)[]; schema: JsonSchema }[] = [];
  for (const v of variants(schema, resolve)) {
    for (const [key, prop] of Object.entries(v.properties ?? {})) {
      const path = [...prefix, key];
      out.push({ path, schema: prop });
      out.push(...schemaPaths(prop, resolve, path, depth + 1));
    }
    if (types(v).includes('array') && v.items) {
      const path = [...prefix, 0];
      out.push({ path, schema: v.items });
      out.push(...schemaPaths(v.items, resolve, path, depth + 1));
    }
  }
  // One entry per path (unions repeat them).
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = JSON.stringify(p.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The field name of a path: its last string segment. */
export const fieldOf = (path: readonly (string | number)[]): string =>
  String([...path].reverse().find((p) => typeof p === 'string') ?? '');

/** `body` with `value` at `path`, intermediate objects and arrays made as needed. */
export function setAt(body: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof head === 'number') {
    const list = Array.isArray(body) ? [...(body as unknown[])] : [];
    list[head] = setAt(list[head], rest, value);
    return list;
  }
  const object =
    body && typeof body === 'object' && !Array.isArray(body)
      ? { ...(body as Record<string, unknown>) }
      : {};
  // defineProperty, so a key such as `__proto__` is an own field that JSON.stringify writes.
  Object.defineProperty(object, head, {
    value: setAt(object[head], rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return object;
}

/** `value` without what is at `path`: a key of an object, an item of an array. */
function deleteAt(value: unknown, path: readonly PropertyKey[]): unknown {
  if (path.length === 0 || !value || typeof value !== 'object') return value;
  const [head, ...rest] = path as [PropertyKey, ...PropertyKey[]];
  if (Array.isArray(value)) {
    const list = [...(value as unknown[])];
    const at = Number(head);
    if (rest.length === 0) list.splice(at, 1);
    else list[at] = deleteAt(list[at], rest);
    return list;
  }
  const object = { ...(value as Record<PropertyKey, unknown>) };
  if (rest.length === 0) delete object[head];
  else object[head] = deleteAt(object[head], rest);
  return object;
}

/** Values tried in place of a required field zod refuses (refinements JSON Schema lacks). */
const STAND_INS: readonly unknown[] = [
  '1',
  '10.5',
  'x',
  'abc',
  'UTC',
  'AR',
  'ARS',
  'America/Argentina/Buenos_Aires',
  '20-12345678-6',
  1,
  0,
  true,
  false,
  [],
  {},
];

const samePath = (a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean =>
  a.length === b.length && a.every((k, i) => String(k) === String(b[i]));

/**
 * A generated value brought within its zod schema where JSON Schema could not say enough
 * (refinements: time zones, tax ids, non-negative decimals). Issue by issue: a field zod
 * refuses is left out; if it is required, a stand-in value that satisfies it is tried,
 * and failing that its parent is left out. Deterministic, so a seed still names the same
 * request.
 */
export function repair(
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: ZodIssueLike[] } } },
  value: unknown,
): unknown {
  const issuesOf = (v: unknown): ZodIssueLike[] | undefined => {
    try {
      const result = schema.safeParse(v);
      return result.success ? undefined : (result.error?.issues ?? []);
    } catch {
      return [];
    }
  };
  let current = value;
  for (let round = 0; round < 16; round++) {
    const issues = issuesOf(current);
    const issue = issues?.[0];
    if (!issue) return current;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? []) current = deleteAt(current, [...issue.path, key]);
      continue;
    }
    if (issue.path.length === 0) return current;
    const fixed = (v: unknown): boolean =>
      !(issuesOf(v) ?? []).some((i) => samePath(i.path, issue.path));
    const candidates = [
      deleteAt(current, issue.path),
      ...STAND_INS.map((s) => setAt(current, issue.path as (string | number)[], s)),
    ];
    const next = candidates.find(fixed);
    // Nothing fits: the parent goes (the root never does).
    current =
      next ??
      (issue.path.length > 1
        ? deleteAt(current, issue.path.slice(0, -1))
        : deleteAt(current, issue.path));
    if (next === undefined && issue.path.length === 1) return current;
  }
  return current;
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  keys?: string[];
}
