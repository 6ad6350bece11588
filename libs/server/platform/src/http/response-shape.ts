import type { ZodType } from 'zod';

/** What a shape gives back for a value outside its schema. */
export const OUTSIDE = Symbol('outside the contract');

/** A schema's check and copy of one value: the value as the schema lets it leave, or OUTSIDE. */
export type Shape = (value: unknown) => unknown;

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * A date as JSON writes it (`Date.prototype.toJSON`: ISO 8601 in UTC with milliseconds),
 * built from its UTC fields: about a third of `toISOString`'s time (ADR 0013). Years outside
 * 1000–9999 take `toISOString` itself (its padded and extended forms).
 */
export function dateAsJson(date: Date): string {
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) return date.toISOString();
  const ms = date.getUTCMilliseconds();
  return `${year}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}T${two(
    date.getUTCHours(),
  )}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z`;
}

/**
 * The walk over a zod schema's definition this file reads (`_zod.def`, zod's documented
 * surface for tools built on it): only the fields used here.
 */
interface Def {
  type: string;
  shape?: Record<string, ZodType>;
  catchall?: ZodType;
  element?: ZodType;
  innerType?: ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
  checks?: ZodType[];
  check?: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
}
const defOf = (schema: ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The checks a shape runs itself, each as zod runs it; a schema with any other check is
 * parsed by zod. A string format's own check is its pattern (`$ZodCheckStringFormat`).
 */
const CHECKS: Record<string, (def: Def) => ((value: never) => boolean) | undefined> = {
  min_length:
    ({ minimum = 0 }) =>
    (v: { length: number }) =>
      v.length >= minimum,
  max_length:
    ({ maximum = Infinity }) =>
    (v: { length: number }) =>
      v.length <= maximum,
  number_format: ({ format }) => (format === 'safeint' ? Number.isSafeInteger : undefined),
  string_format: ({ format, pattern }) =>
    pattern && (format === 'uuid' || format === 'guid' || format === 'regex')
      ? (v: string) => {
          pattern.lastIndex = 0;
          return pattern.test(v);
        }
      : undefined,
};

/** The predicates for a schema's checks (its own format first), or undefined if one is not ours. */
function checksOf(def: Def): ((value: never) => boolean)[] | undefined {
  const defs = [...(def.check ? [def] : []), ...(def.checks ?? []).map(defOf)];
  const out: ((value: never) => boolean)[] = [];
  for (const check of defs) {
    const predicate = check.check ? CHECKS[check.check]?.(check) : undefined;
    if (!predicate) return undefined;
    out.push(predicate);
  }
  return out;
}

/** The kinds of leaf a shape checks by itself, as zod does; the value passes through as is. */
const LEAVES: Record<string, (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  date: (v) => v instanceof Date && !Number.isNaN(v.getTime()),
  null: (v) => v === null,
  unknown: () => true,
  any: () => true,
};

/** Zod itself for what the shapes do not cover (unions, records, defaults, pipes, lazy). */
function byZod(schema: ZodType): Shape {
  return (value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : OUTSIDE;
  };
}

/** Whether a value passes every check (a loop: a callback per call would allocate). */
function passes(checks: ((value: never) => boolean)[], value: unknown): boolean {
  for (const check of checks) if (!check(value as never)) return false;
  return true;
}

function leafShape(def: Def): Shape | undefined {
  const kind = LEAVES[def.type];
  const checks = checksOf(def);
  if (!kind || !checks) return undefined;
  // A date leaves as the text JSON writes for it: Date objects in an answer take
  // `JSON.stringify` off its fast path (`toJSON` per date), about half of a list page's
  // serializing (ADR 0013).
  if (def.type === 'date')
    return (v) => (kind(v) && passes(checks, v) ? dateAsJson(v as Date) : OUTSIDE);
  if (!checks.length) return (v) => (kind(v) ? v : OUTSIDE);
  return (v) => (kind(v) && passes(checks, v) ? v : OUTSIDE);
}

/**
 * An object's shape as a function of its own, compiled from its keys (as zod's parser is):
 * each field read and written by its name, so each object schema's reads stay monomorphic
 * and its answers share one hidden class. The keys come from NEXO's own schemas and enter
 * the code only as JSON string literals.
 */
function objectShape(def: Def): Shape | undefined {
  const catchall = def.catchall && defOf(def.catchall).type;
  // A loose object or one with a catchall keeps keys the shape does not name: zod's business.
  if (catchall && catchall !== 'never') return undefined;
  const entries = Object.entries(def.shape ?? {});
  const fields = entries.map(([, field]) => shapeOf(field));
  const lines = entries.map(([key, field], i) => {
    const name = JSON.stringify(key);
    const copy = `s = f[${i}](v); if (s === OUTSIDE) return OUTSIDE; if (s !== undefined) out[${name}] = s;`;
    // An optional field left out stays out, as zod leaves it.
    return defOf(field).type === 'optional'
      ? `v = value[${name}]; if (v !== undefined) { ${copy} }`
      : `v = value[${name}]; ${copy}`;
  });
  // A strict object refuses a key it does not name.
  const strict =
    catchall === 'never' ? 'for (const key in value) if (!named.has(key)) return OUTSIDE;' : '';
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- code from the schema's own keys (above)
  const compile = new Function(
    'f',
    'named',
    'OUTSIDE',
    `return (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return OUTSIDE;
      ${strict}
      const out = {};
      let v, s;
      ${lines.join('\n')}
      return out;
    };`,
  ) as (f: Shape[], named: Set<string>, outside: typeof OUTSIDE) => Shape;
  return compile(fields, new Set(entries.map(([key]) => key)), OUTSIDE);
}

function arrayShape(def: Def): Shape | undefined {
  const checks = checksOf(def);
  if (!checks || !def.element) return undefined;
  const element = shapeOf(def.element);
  return (value) => {
    if (!Array.isArray(value) || !passes(checks, value)) return OUTSIDE;
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const shaped = element(value[i]);
      if (shaped === OUTSIDE) return OUTSIDE;
      out[i] = shaped;
    }
    return out;
  };
}

/** One of a set of values, each compared as is. */
const oneOf = (values: readonly unknown[]): Shape => {
  const allowed = new Set(values);
  return (v) => (allowed.has(v) ? v : OUTSIDE);
};

/** A wrapper's shape around its inner schema's. */
const wrapping =
  (wrap: (inner: Shape) => Shape) =>
  (def: Def): Shape | undefined =>
    def.innerType && wrap(shapeOf(def.innerType));

/**
 * The shape of each kind a shape covers, by zod's `def.type`; undefined where that schema
 * needs zod after all (a check or catchall not handled here). Every other kind is zod's.
 */
const BUILDERS: Record<string, (def: Def) => Shape | undefined> = {
  object: objectShape,
  array: arrayShape,
  nullable: wrapping((inner) => (v) => (v === null ? null : inner(v))),
  optional: wrapping((inner) => (v) => (v === undefined ? undefined : inner(v))),
  nonoptional: wrapping((inner) => (v) => (v === undefined ? OUTSIDE : inner(v))),
  // String values only: a numeric enum's reverse mapping is zod's to sort out.
  enum: ({ entries = {} }) => {
    const values = Object.values(entries);
    return values.every((v) => typeof v === 'string') ? oneOf(values) : undefined;
  },
  literal: ({ values }) => values && oneOf(values),
  ...Object.fromEntries(Object.keys(LEAVES).map((kind) => [kind, leafShape])),
};

const shapes = new WeakMap<ZodType, Shape>();

/**
 * A response schema's shape: what `schema.parse` returns for a value, without zod's
 * per-field bookkeeping (a list page's parse was about a third of what it allocated, ADR 0010
 * amendment), and with dates already as their JSON text (`dateAsJson`): the same JSON.
 * Objects keep only the keys they name (strict ones refuse others), arrays are copied, leaves
 * are checked as zod checks them and passed on; any kind or check not handled here is left to
 * zod for that part. OUTSIDE where zod would fail; the caller asks zod why.
 */
export function shapeOf(schema: ZodType): Shape {
  const known = shapes.get(schema);
  if (known) return known;
  // A recursive schema (an object whose field's getter returns the object again) reaches
  // itself while its shape is being built: there it gets a stand-in that calls the finished
  // shape from this map.
  shapes.set(schema, (value) => (shapes.get(schema) as Shape)(value));
  const def = defOf(schema);
  const shape = BUILDERS[def.type]?.(def) ?? byZod(schema);
  shapes.set(schema, shape);
  return shape;
}
