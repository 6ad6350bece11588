import type { Principal } from '@nexo/platform';
import { PgDialect, pgTable, numeric, text, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { buildAbility } from '../engine/ability.factory.js';
import { maskRecord } from '../engine/field-mask.js';
import { accessibleWhere } from '../engine/sql-compiler.js';
import { SYSTEM_ROLES } from './system-roles.js';

const items = pgTable('items', {
  id: uuid('id'),
  name: text('name'),
  cost: numeric('cost'),
  listPrice: numeric('list_price'),
});
const columns = { id: items.id, name: items.name, cost: items.cost, list_price: items.listPrice };
const item = { id: 'i1', name: 'Yerba', cost: '10', listPrice: '15', margin: '5' };

const as = (role: string) => {
  const principal: Principal = {
    userId: 'u',
    tenantId: 't',
    actor: 'employee',
    membershipId: 'm',
    roles: [role],
    issuedAt: 0,
  };
  return buildAbility(
    (SYSTEM_ROLES[role]?.rules ?? []).map((r) => ({ ...r, role })),
    principal,
  );
};
const where = (role: string) =>
  new PgDialect().sqlToQuery(accessibleWhere(as(role), 'read', 'catalog.item', columns)).sql;

describe('catalog rules of the system roles', () => {
  it('hides cost and margin from sales, and every price from the warehouse', () => {
    expect(Object.keys(maskRecord(as('sales'), 'catalog.item', item))).toEqual([
      'id',
      'name',
      'listPrice',
    ]);
    expect(Object.keys(maskRecord(as('warehouse'), 'catalog.item', item))).toEqual(['id', 'name']);
    for (const role of ['purchasing', 'production', 'accountant', 'admin'])
      expect(maskRecord(as(role), 'catalog.item', item)).toEqual(item);
  });

  it('hides fields without hiding rows: the list filter stays open for readers', () => {
    // A deny with fields but no conditions must not turn into "no rows" in SQL.
    for (const role of ['sales', 'warehouse', 'purchasing']) expect(where(role)).toBe('true');
    expect(where('client-portal')).toBe('false');
    expect(as('sales').can('read', 'catalog.item', 'cost')).toBe(false);
    expect(as('sales').can('read', 'catalog.item', 'list_price')).toBe(true);
    expect(as('warehouse').can('read', 'catalog.price-list')).toBe(false);
    expect(as('sales').can('update', 'catalog.item')).toBe(false);
  });
});

describe('company settings rules of the system roles', () => {
  it('lets owners and admins change the settings and number series, and nobody else', () => {
    for (const role of ['owner', 'admin']) {
      expect(as(role).can('update', 'tenancy.tenant')).toBe(true);
      expect(as(role).can('update', 'tenancy.tenant', 'tax_id')).toBe(true);
      expect(as(role).can('update', 'tenancy.number-series')).toBe(true);
    }
    expect(as('admin').can('delete', 'tenancy.tenant')).toBe(false);
    for (const role of ['sales', 'purchasing', 'accountant', 'client-portal']) {
      expect(as(role).can('update', 'tenancy.tenant')).toBe(false);
      expect(as(role).can('read', 'tenancy.number-series')).toBe(false);
    }
  });
});
