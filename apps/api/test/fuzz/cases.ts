import fc from 'fast-check';
import { tinyPng } from '../helpers/catalog.js';
import {
  NASTY_BODIES,
  NASTY_DECIMALS,
  NASTY_RAW_JSON,
  NASTY_STRINGS,
  hostileArb,
  withOwnKey,
} from './hostile.js';
import type { Operation } from './operations.js';
import {
  type IdSource,
  type JsonSchema,
  type Resolve,
  fieldOf,
  isUuidSchema,
  repair,
  schemaPaths,
  setAt,
  validArb,
  variants,
} from './schema-arbitraries.js';

/** Who sends a request: a company's admin, nobody, or a forged credential. */
export type Principal = 'A' | 'B' | 'anonymous' | 'forged';

export type CaseBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string; contentType: string }
  | { kind: 'form'; value: unknown }
  | { kind: 'binary'; data: Buffer; contentType: string };

export interface FuzzCase {
  principal: Principal;
  /** Which attack: `valid`, `field:<path>`, `body`, `param:<name>`, `cursor`, … */
  strategy: string;
  params: Record<string, string>;
  query: [string, string][];
  body?: CaseBody;
  headers: Record<string, string>;
  /** An If-Match value, or `fetch`: the ETag of a GET of the same record just before. */
  ifMatch?: string;
  /** A forged credential, by kind (resolved against a real token when sent). */
  forgery?: number;
  ip: string;
}

/** What generating a case needs to know about the principal's company and the other one. */
export interface CaseContext {
  resolve: Resolve;
  /** Ids by field, as seen from the principal (own company / the other one). */
  ids: IdSource;
  /** Values of non-uuid path parameters (role keys, client ids), by `paramField`. */
  paramValues(field: string): { own: readonly string[]; foreign: readonly string[] };
  /** A real cursor of a list route, when the company has a second page. */
  cursor?: string;
  /** The other company's ids, for cursors and filters. */
  foreignId: string;
  hasGet: boolean;
}

export const FORGERIES = 6;

const PNG = tinyPng();

const ipArb = fc
  .tuple(fc.nat(255), fc.nat(255), fc.nat(255))
  .map(([a, b, c]) => `10.${a}.${b}.${c}`);

const b64 = (text: string): string => Buffer.from(text).toString('base64url');

/** Path parameters: for `id`, records of the kind the path names (`/parties/:id`). */
export const paramField = (op: Operation, name: string): string =>
  `${name}@${op.path.slice(0, Math.max(0, op.path.indexOf(`/:${name}`)))}`;

function paramArb(op: Operation, name: string, schema: JsonSchema, ctx: CaseContext) {
  if (isUuidSchema(schema) || name === 'id') {
    const own = ctx.ids.own(paramField(op, name));
    return own.length ? fc.constantFrom(...own) : fc.uuid({ version: 7 });
  }
  const values = ctx.paramValues(paramField(op, name));
  return values.own.length
    ? fc.constantFrom(...values.own)
    : (validArb(schema, ctx.resolve, ctx.ids, name) as fc.Arbitrary<string>).map(String);
}

function hostileParamArb(op: Operation, name: string, schema: JsonSchema, ctx: CaseContext) {
  const values = ctx.paramValues(paramField(op, name));
  const foreign = [...ctx.ids.foreign(paramField(op, name)), ...values.foreign];
  return fc.oneof(
    { weight: 4, arbitrary: foreign.length ? fc.constantFrom(...foreign) : fc.uuid() },
    {
      weight: 2,
      arbitrary: ctx.ids.anyForeign.length ? fc.constantFrom(...ctx.ids.anyForeign) : fc.uuid(),
    },
    {
      weight: 1,
      arbitrary: ctx.ids.anyOwn.length ? fc.constantFrom(...ctx.ids.anyOwn) : fc.uuid(),
    },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        ...NASTY_STRINGS.filter((s) => s !== ''),
        ...NASTY_DECIMALS,
        'x'.repeat(schema.maxLength ? schema.maxLength + 1 : 5000),
        '😀'.repeat(500),
        '..',
        '.',
        'a/b',
        '%2e%2e',
        `${ctx.foreignId}/..`,
        `${ctx.foreignId}%00`,
        `${ctx.foreignId.toUpperCase()}`,
        '00000000-0000-0000-0000-000000000000',
      ),
    },
  );
}

function listQueryArb(op: Operation, ctx: CaseContext): fc.Arbitrary<[string, string][]> {
  const list = op.list;
  if (!list) return fc.constant([]);
  const sorts = list.sorts.flatMap((s) => [s, `-${s}`]);
  const itemProps = ctx.resolve(list.itemSchema ?? {}).properties ?? {};
  const filterArb = list.filters.length
    ? fc
        .constantFrom(...list.filters)
        .chain((field) => {
          const schema = itemProps[field];
          const value = schema
            ? validArb(schema, ctx.resolve, ctx.ids, field).map((v) =>
                Array.isArray(v) ? String(v[0] ?? 'x') : String(v),
              )
            : fc.constantFrom('x', 'true', '2024-01-01');
          return fc.tuple(fc.constant(field), value);
        })
        .map(([k, v]): [string, string] => [k, v])
    : fc.constant<[string, string] | null>(null);
  return fc
    .record(
      {
        limit: fc.integer({ min: 1, max: 200 }).map(String),
        sort: sorts.length ? fc.constantFrom(...sorts) : fc.constant(undefined),
        q: fc.stringMatching(/^[a-zA-Z]{1,6}$/),
        count: fc.constantFrom('true', 'false'),
        filter: filterArb,
      },
      { requiredKeys: [] },
    )
    .map((r) => {
      const pairs: [string, string][] = [];
      for (const key of ['limit', 'sort', 'q', 'count'] as const) {
        const value = r[key];
        if (value !== undefined) pairs.push([key, value]);
      }
      if (r.filter) pairs.push(r.filter);
      return pairs;
    });
}

function queryArb(op: Operation, ctx: CaseContext): fc.Arbitrary<[string, string][]> {
  if (op.list) return listQueryArb(op, ctx);
  const parts = op.query.map((p) => {
    const pair = validArb(p.schema, ctx.resolve, ctx.ids, p.name).map(
      (v): [string, string] | null => [p.name, String(v)],
    );
    // Required parameters always, optional ones three times in four.
    return p.required ? pair : fc.option(pair, { freq: 3, nil: null });
  });
  return fc.tuple(...parts).map((pairs) => pairs.filter((p): p is [string, string] => p !== null));
}

/** Cursors that are not the previous page's: broken base64, JSON of every wrong shape. */
function cursorArb(ctx: CaseContext): fc.Arbitrary<string> {
  const id = ctx.foreignId;
  const real = ctx.cursor;
  const mutated: string[] = [];
  if (real) {
    mutated.push(real.slice(0, -1), `${real}x`, real.slice(1), `${real}==`, real.toUpperCase());
    try {
      const [sortValue] = JSON.parse(Buffer.from(real, 'base64url').toString()) as [unknown];
      mutated.push(
        b64(JSON.stringify([sortValue, id])),
        b64(JSON.stringify([sortValue, 'not-a-uuid'])),
        b64(JSON.stringify([sortValue])),
        b64(JSON.stringify([{ sortValue }, id])),
      );
    } catch {
      // A cursor of another format: the generic ones below still apply.
    }
  }
  return fc.oneof(
    fc.constantFrom(
      '',
      '!!!',
      '%',
      'x'.repeat(1000),
      'x'.repeat(1001),
      b64('null'),
      b64('[]'),
      b64('{}'),
      b64('"text"'),
      b64('1'),
      b64('[1]'),
      b64('[null,null]'),
      b64('[{"a":1},"x"]'),
      b64(`["a","not-a-uuid"]`),
      b64(`[1e400,"${id}"]`),
      b64(`["\\u0000","${id}"]`),
      b64(`["\\ud800","${id}"]`),
      b64(`["2024-99-99","${id}"]`),
      b64(`["99999999999999999999999999","${id}"]`),
      b64(`[true,false]`),
      b64(`[[1,2],[3]]`),
      b64(`["x","${id}"]`),
      b64(`[-1,"${id}"]`),
      b64(`["${'x'.repeat(900)}","${id}"]`),
      b64(`{"__proto__":{"x":1}}`),
      Buffer.from('["a",').toString('base64'),
      ...mutated,
    ),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.uint8Array({ maxLength: 60 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
  );
}

const OPERATORS = ['eq', 'ne', 'in', 'lt', 'lte', 'gt', 'gte', 'like'];

/** Filters that are not: unknown keys, prototype keys, bad operators, values of no type. */
function filterArb(op: Operation, ctx: CaseContext): fc.Arbitrary<[string, string][]> {
  const fields = op.list?.filters.length ? op.list.filters : ['name'];
  const key = fc.oneof(
    fc.constantFrom(
      '__proto__',
      '__proto__.eq',
      'constructor',
      'constructor.prototype',
      'hasOwnProperty',
      'toString.eq',
      'custom.__proto__.eq',
      'custom.',
      'custom..eq',
      'custom.rubro_b.eq',
      'custom.rubro_a.like',
      'custom.x.y.z',
      '.eq',
      '',
      'x'.repeat(1000),
      'tenantId',
      'tenant_id',
      'id',
      'id.in',
    ),
    fc
      .tuple(
        fc.constantFrom(...fields),
        fc.constantFrom(...OPERATORS, 'eq.eq', 'EQ', 'regex', '__proto__', '', 'in.in'),
      )
      .map(([f, o]) => (o ? `${f}.${o}` : `${f}.`)),
  );
  const value = fc.oneof(
    fc.constantFrom(
      ...NASTY_STRINGS,
      ...NASTY_DECIMALS,
      ',',
      ','.repeat(10_000),
      Array.from({ length: 2000 }, (_, i) => String(i)).join(','),
      `${ctx.foreignId},${ctx.foreignId}`,
      ctx.foreignId,
      'true',
      '2024-13-45',
      '2024-01-01T00:00:00Z',
      'x'.repeat(10_000),
      '%_\\',
    ),
    ctx.ids.anyForeign.length ? fc.constantFrom(...ctx.ids.anyForeign) : fc.uuid(),
  );
  return fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 3 });
}

function bodyPathsOf(op: Operation, resolve: Resolve) {
  return op.body && op.body.type !== 'binary' ? schemaPaths(op.body.schema, resolve) : [];
}

/** Every uuid field of a body replaced by the other company's ids of the same kind. */
function withForeignIds(value: unknown, op: Operation, ctx: CaseContext, pick: number): unknown {
  let out = value;
  for (const { path, schema } of bodyPathsOf(op, ctx.resolve)) {
    const uuid = variants(schema, ctx.resolve).some(
      (v) =>
        isUuidSchema(v) || (v.type === 'array' && v.items && isUuidSchema(ctx.resolve(v.items))),
    );
    if (!uuid) continue;
    // Only fields the valid body has (or required ones) are replaced: the rest stay absent.
    let parent: unknown = out;
    for (const seg of path.slice(0, -1))
      parent = (parent as Record<string | number, unknown>)?.[seg];
    if (!parent || typeof parent !== 'object' || !(String(path[path.length - 1]) in parent))
      continue;
    const field = fieldOf(path).replace(/Ids$/, 'Id');
    const pool = ctx.ids.foreign(field).length ? ctx.ids.foreign(field) : ctx.ids.anyForeign;
    if (!pool.length) continue;
    const id = pool[pick % pool.length] as string;
    const isArray = variants(schema, ctx.resolve).some((v) => v.type === 'array');
    out = setAt(out, path, isArray ? [id] : id);
  }
  return out;
}

const EXTRA_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'unknownField',
  'id',
  'tenantId',
  'tenant_id',
  'version',
  'createdBy',
  'createdAt',
  'deletedAt',
  'isAdmin',
  'roles',
];

/** The request's parts for one operation and principal, then one attack on top. */
export function caseArb(
  op: Operation,
  principal: Principal,
  ctx: CaseContext,
): fc.Arbitrary<FuzzCase> {
  const { resolve, ids } = ctx;
  const params = fc.record(
    Object.fromEntries(op.params.map((p) => [p.name, paramArb(op, p.name, p.schema, ctx)])),
  ) as fc.Arbitrary<Record<string, string>>;
  const query = queryArb(op, ctx);
  const validBody: fc.Arbitrary<CaseBody | undefined> = !op.body
    ? fc.constant(undefined)
    : op.body.type === 'binary'
      ? fc.constant({ kind: 'binary', data: PNG, contentType: op.body.mediaTypes[0] ?? '' })
      : validArb(op.body.schema, resolve, ids).map((value): CaseBody => ({
          kind: op.body?.type === 'form' ? 'form' : 'json',
          value: op.contract.body ? repair(op.contract.body, value) : value,
        }));
  const base = fc.record({
    params,
    query,
    body: validBody,
    ip: ipArb,
    ifMatch: op.contract.ifMatch
      ? fc.oneof(
          { weight: 8, arbitrary: fc.constant(ctx.hasGet ? 'fetch' : '"1"') },
          { weight: 2, arbitrary: fc.constantFrom('"1"', '"2"', '"3"') },
        )
      : fc.constant(undefined),
  });
  const paths = bodyPathsOf(op, resolve);
  type Base = {
    params: Record<string, string>;
    query: [string, string][];
    body: CaseBody | undefined;
    ip: string;
    ifMatch: string | undefined;
  };
  type Attack = fc.Arbitrary<(b: Base) => FuzzCase>;
  const make = (b: Base, strategy: string, change: Partial<FuzzCase> = {}): FuzzCase => ({
    principal,
    strategy,
    params: b.params,
    query: b.query,
    ...(b.body ? { body: b.body } : {}),
    headers: {},
    ...(b.ifMatch ? { ifMatch: b.ifMatch } : {}),
    ip: b.ip,
    ...change,
  });
  const attacks: fc.WeightedArbitrary<(b: Base) => FuzzCase>[] = [];
  const add = (weight: number, arbitrary: Attack): void => {
    attacks.push({ weight, arbitrary });
  };
  add(
    15,
    fc.constant((b) => make(b, 'valid')),
  );

  const jsonLike = op.body && op.body.type !== 'binary';
  if (jsonLike && paths.length) {
    const pathArb = fc
      .constantFrom(...paths)
      .chain(({ path, schema }) =>
        hostileArb(schema, resolve, ids, fieldOf(path)).map((value) => ({ path, value })),
      );
    add(
      30,
      pathArb.map(({ path, value }) => (b: Base) => {
        const body = b.body as { kind: 'json' | 'form'; value: unknown };
        return make(b, `field:${path.join('.')}`, {
          body: { kind: body.kind, value: setAt(body.value, path, value) },
        });
      }),
    );
    add(
      5,
      fc
        .tuple(
          fc.constantFrom(...EXTRA_KEYS),
          fc.constantFrom<unknown>(
            ctx.foreignId,
            ...ids.anyForeign.slice(0, 3),
            1,
            null,
            { polluted: true },
            ['admin', 'owner'],
          ),
        )
        .map(([key, value]) => (b: Base) => {
          const body = b.body as { kind: 'json' | 'form'; value: unknown };
          const object = body.value && typeof body.value === 'object' ? body.value : {};
          return make(b, `extra:${key}`, {
            body: { kind: body.kind, value: withOwnKey(key, value, object) },
          });
        }),
    );
  }
  const hasIds =
    op.params.length > 0 ||
    paths.some(({ schema }) => variants(schema, resolve).some((v) => isUuidSchema(v)));
  if (hasIds && ids.anyForeign.length) {
    // Everything the request names belongs to the other company; the rest is valid, so
    // the request reaches the service: the cross-company probe.
    add(
      15,
      fc.nat().map((pick) => (b: Base) => {
        const foreignParams = Object.fromEntries(
          op.params.map((p) => {
            const pool = [
              ...ids.foreign(paramField(op, p.name)),
              ...ctx.paramValues(paramField(op, p.name)).foreign,
            ];
            return [p.name, pool.length ? (pool[pick % pool.length] as string) : ctx.foreignId];
          }),
        );
        const body = b.body;
        return make(b, 'foreign-ids', {
          params: pick % 2 ? foreignParams : b.params,
          ...(body && (body.kind === 'json' || body.kind === 'form')
            ? { body: { kind: body.kind, value: withForeignIds(body.value, op, ctx, pick) } }
            : {}),
        });
      }),
    );
  }
  if (op.body) {
    add(
      8,
      fc
        .oneof(
          fc
            .constantFrom<unknown>(...NASTY_BODIES)
            .map((value): CaseBody | undefined => ({ kind: 'json', value })),
          fc
            .constantFrom(...NASTY_RAW_JSON)
            .map((text): CaseBody => ({ kind: 'raw', text, contentType: 'application/json' })),
          fc.constant(undefined),
        )
        .map((body) => (b: Base) => {
          const c = make(b, 'body');
          if (body) c.body = body;
          else delete c.body;
          return c;
        }),
    );
    add(
      4,
      fc
        .constantFrom(
          'text/plain',
          'application/json; charset=utf-16',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'image/png',
          'application/xml',
          'application/json, text/plain',
          'APPLICATION/JSON',
          '',
        )
        .map((contentType) => (b: Base) => {
          const body = b.body;
          const text =
            body?.kind === 'binary'
              ? body.data.toString('latin1')
              : JSON.stringify(body && 'value' in body ? body.value : {});
          return make(b, `content-type:${contentType}`, {
            body: { kind: 'raw', text: text ?? '', contentType },
          });
        }),
    );
  }
  if (op.body?.type === 'binary') {
    const max = op.contract.binaryBody?.maxBytes ?? 1024;
    add(
      10,
      fc
        .oneof(
          fc.constantFrom(
            Buffer.alloc(0),
            PNG.subarray(0, 20),
            Buffer.from('GIF89a'),
            Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
            Buffer.alloc(max + 1, 0),
          ),
          fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
        )
        .chain((data) =>
          fc
            .constantFrom(...(op.body?.type === 'binary' ? op.body.mediaTypes : []), 'image/gif')
            .map(
              (contentType) => (b: Base) =>
                make(b, `file:${contentType}`, { body: { kind: 'binary', data, contentType } }),
            ),
        ),
    );
  }
  for (const p of op.params) {
    add(
      Math.round(12 / op.params.length),
      hostileParamArb(op, p.name, p.schema, ctx).map(
        (value) => (b: Base) =>
          make(b, `param:${p.name}`, { params: { ...b.params, [p.name]: value } }),
      ),
    );
  }
  if (op.query.length) {
    add(
      8,
      fc
        .tuple(
          fc.constantFrom(...op.query),
          fc.oneof(
            fc.constantFrom(
              ...NASTY_STRINGS,
              ...NASTY_DECIMALS,
              '0',
              '-1',
              '201',
              '1.5',
              '99999999999999999999',
              'x'.repeat(10_000),
              ctx.foreignId,
            ),
            ids.anyForeign.length ? fc.constantFrom(...ids.anyForeign) : fc.uuid(),
          ),
          fc.boolean(),
        )
        .map(([param, value, repeat]) => (b: Base) => {
          const rest = b.query.filter(([k]) => k !== param.name);
          const pairs: [string, string][] = repeat
            ? [
                [param.name, value],
                [param.name, value],
              ]
            : [[param.name, value]];
          return make(b, `query:${param.name}${repeat ? '[]' : ''}`, {
            query: [...rest, ...pairs],
          });
        }),
    );
  }
  if (op.list) {
    add(
      8,
      cursorArb(ctx).map(
        (cursor) => (b: Base) => make(b, 'cursor', { query: [...b.query, ['cursor', cursor]] }),
      ),
    );
    add(
      8,
      filterArb(op, ctx).map(
        (filters) => (b: Base) => make(b, 'filter', { query: [...b.query, ...filters] }),
      ),
    );
  }
  add(
    4,
    fc
      .oneof(
        fc.constantFrom<Record<string, string>>(
          { 'if-match': '"abc"' },
          { 'if-match': '"99999999999999999999999"' },
          { 'if-match': 'W/"1"' },
          { 'if-match': '*' },
          { 'if-match': '"-1"' },
          { 'if-match': '""' },
          { 'if-match': '"1", "2"' },
          { 'if-match': '"1.5"' },
          { 'if-match': '"0x1"' },
          { 'idempotency-key': 'x'.repeat(201) },
          { 'idempotency-key': '' },
          { 'idempotency-key': 'fuzz-replayed-key' },
          { 'x-request-id': 'x'.repeat(200) },
          { accept: 'text/html' },
          { 'content-length': '0' },
          { 'x-forwarded-for': '1.2.3.4, 5.6.7.8' },
        ),
      )
      .map((headers) => (b: Base) => {
        const c = make(b, `header:${Object.keys(headers)[0] ?? ''}`, { headers });
        if ('if-match' in headers) delete c.ifMatch;
        return c;
      }),
  );
  return fc.tuple(base, fc.oneof(...attacks), fc.nat(FORGERIES - 1)).map(([b, attack, forgery]) => {
    const c = attack(b);
    if (principal === 'forged') c.forgery = forgery;
    return c;
  });
}
