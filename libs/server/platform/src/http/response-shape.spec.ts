import { API_ROUTES, PartySchema } from '@nexo/contracts';
import { describe, expect, it } from 'vitest';
import { z, type ZodType } from 'zod';
import { OUTSIDE, dateAsJson, shapeOf } from './response-shape.js';

/** Dates as JSON writes them, the rest as it is: what leaves the server. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** The shape gives what zod's parse gives, dates already as their JSON text. */
const same = (schema: ZodType, value: unknown): void => {
  const shaped = shapeOf(schema)(value);
  expect(shaped).toEqual(asJson(schema.parse(value)));
  expect(JSON.stringify(shaped)).toBe(JSON.stringify(schema.parse(value)));
};
/** Both refuse it. */
const refused = (schema: ZodType, value: unknown): void => {
  expect(shapeOf(schema)(value)).toBe(OUTSIDE);
  expect(schema.safeParse(value).success).toBe(false);
};

const party = {
  id: '0190f5a4-7b1c-7c3e-9a2b-3c4d5e6f7a8b',
  kind: 'organization',
  name: 'Acme SA',
  legalName: null,
  isCustomer: true,
  tags: ['vip'],
  ownerId: null,
  creditLimit: '1500.00',
  paymentTermsDays: 30,
  custom: { segment: 'retail', size: 12 },
  status: 'active',
  createdAt: new Date('2026-01-02T03:04:05Z'),
  updatedAt: new Date('2026-02-03T04:05:06Z'),
  version: 3,
};

describe('shapeOf (a response schema, as zod parses it)', () => {
  it('keeps a record’s named fields and drops the rest, as zod does', () => {
    const withInternals = { ...party, searchText: 'acme sa', tenantId: 'x', passwordHash: 'h' };
    const shaped = shapeOf(PartySchema)(withInternals) as Record<string, unknown>;
    same(PartySchema, withInternals);
    expect(Object.keys(shaped)).not.toContain('searchText');
    expect(Object.keys(shaped)).not.toContain('passwordHash');
    expect(shaped.createdAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('writes a date as JSON does, in every year JavaScript dates reach', () => {
    const dates = [
      '2026-12-03T20:53:49.007Z',
      '2026-01-02T03:04:05.050Z',
      '1999-12-31T23:59:59.999Z',
      '1000-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.500Z',
      '0999-12-31T23:59:59.999Z',
      '+010000-01-01T00:00:00.000Z',
      '-000001-06-15T12:00:00.000Z',
    ].map((text) => new Date(text));
    for (const date of [...dates, new Date(0), new Date(8.64e15), new Date(-8.64e15)])
      expect(dateAsJson(date)).toBe(date.toJSON());
    const Dated = z.object({ at: z.date(), maybe: z.date().nullable().optional() });
    same(Dated, { at: dates[0], maybe: dates[5] });
    same(Dated, { at: dates[6], maybe: null });
  });

  it('copies a page of records, its arrays and nested objects new', () => {
    const Page = z.object({ items: z.array(PartySchema), nextCursor: z.string().nullable() });
    const page = { items: [party, { ...party, name: 'Beta' }], nextCursor: null, extra: 1 };
    same(Page, page);
    const shaped = shapeOf(Page)(page) as { items: unknown[] };
    expect(shaped.items).not.toBe(page.items);
    expect(shaped.items[0]).not.toBe(party);
  });

  it('refuses what zod refuses, leaf by leaf', () => {
    refused(PartySchema, { ...party, id: 'not-a-uuid' });
    refused(PartySchema, { ...party, kind: 'robot' });
    refused(PartySchema, { ...party, isCustomer: 'yes' });
    refused(PartySchema, { ...party, paymentTermsDays: 1.5 });
    refused(PartySchema, { ...party, version: Number.NaN });
    refused(PartySchema, { ...party, createdAt: new Date('nonsense') });
    refused(PartySchema, { ...party, createdAt: '2026-01-02' });
    refused(PartySchema, { ...party, tags: 'vip' });
    refused(PartySchema, { ...party, tags: [1] });
    refused(PartySchema, { ...party, creditLimit: 'a lot' });
    refused(PartySchema, { ...party, id: undefined });
    refused(PartySchema, null);
    refused(PartySchema, [party]);
  });

  it('treats optional, nullable and required fields as zod does', () => {
    const Schema = z.object({
      a: z.string(),
      b: z.string().optional(),
      c: z.string().nullable(),
      d: z.number().nullable().optional(),
    });
    same(Schema, { a: 'x', c: null });
    same(Schema, { a: 'x', b: 'y', c: 'z', d: null });
    refused(Schema, { a: 'x' });
    refused(Schema, { b: 'y', c: null });
    refused(Schema, { a: 'x', c: null, d: 'one' });
  });

  it('refuses a key a strict object does not name, and checks lengths', () => {
    const Strict = z.strictObject({
      code: z.string().min(2).max(3),
      list: z.array(z.int()).max(2),
    });
    same(Strict, { code: 'ab', list: [1, 2] });
    refused(Strict, { code: 'ab', list: [], more: true });
    refused(Strict, { code: 'a', list: [] });
    refused(Strict, { code: 'abcd', list: [] });
    refused(Strict, { code: 'ab', list: [1, 2, 3] });
  });

  it('leaves to zod what it does not cover, with zod’s answer', () => {
    const Schema = z.object({
      either: z.union([z.object({ kind: z.literal('a'), n: z.number() }), z.string()]),
      map: z.record(z.string(), z.number()),
      withDefault: z.string().default('none'),
      loose: z.looseObject({ id: z.string() }),
      positive: z.number().refine((n) => n > 0),
    });
    const value = {
      either: { kind: 'a', n: 1, dropped: true },
      map: { x: 1 },
      loose: { id: 'k', kept: true },
      positive: 2,
    };
    same(Schema, value);
    expect(shapeOf(Schema)(value)).toMatchObject({ withDefault: 'none', loose: { kept: true } });
    refused(Schema, { ...value, positive: -1 });
    refused(Schema, { ...value, map: { x: 'one' } });
  });

  it('follows a recursive schema as zod does', () => {
    const Node = z.object({
      name: z.string(),
      get children(): z.ZodArray<typeof Node> {
        return z.array(Node);
      },
    });
    const tree = {
      name: 'root',
      extra: 1,
      children: [{ name: 'a', children: [{ name: 'a1', children: [], extra: 2 }] }],
    };
    same(Node, tree);
    expect(JSON.stringify(shapeOf(Node)(tree))).not.toContain('extra');
    refused(Node, {
      name: 'root',
      children: [{ name: 'a', children: [{ name: 1, children: [] }] }],
    });
  });

  it('builds a shape for every route’s response schema', () => {
    const schemas = API_ROUTES.flatMap((route) => (route.response ? [route.response] : []));
    expect(schemas.length).toBeGreaterThan(100);
    for (const schema of schemas) expect(typeof shapeOf(schema)).toBe('function');
  });
});
