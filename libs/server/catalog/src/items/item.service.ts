import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type { CreateItemInput, FieldIssue, UpdateItemInput } from '@nexo/contracts';
import { parseListQuery, writeListCsv, type ListDefinition, type ListPage } from '@nexo/db';
import { EventOutbox } from '@nexo/events';
import { PermissionService } from '@nexo/permissions';
import { DomainError, stale, type Principal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, eq } from 'drizzle-orm';
import type { Writable } from 'node:stream';
import { ItemCreated, ItemDeleted, ItemUpdated, changedFields } from '../catalog.events.js';
import { items } from '../db/catalog.tables.js';
import {
  CODE_CONSTRAINTS,
  translateDeleteError,
  translateWriteError,
  type ConstraintMeaning,
} from '../shared/db-errors.js';
import { ItemRepository, type Conversion, type ItemRecord } from './item.repository.js';

export const ITEM_SUBJECT = 'catalog.item';
/** The CSV export's columns, in order; those a reader may not read are left out. */
export const ITEM_CSV_COLUMNS = [
  'id',
  'sku',
  'barcode',
  'name',
  'kind',
  'status',
  'categoryId',
  'unitId',
  'salesTaxId',
  'purchaseTaxId',
  'cost',
  'listPrice',
  'margin',
] as const;

/** Rules about items name these fields (snake_case, as in the database). */
const COLUMNS = {
  id: items.id,
  kind: items.kind,
  name: items.name,
  sku: items.sku,
  barcode: items.barcode,
  category_id: items.categoryId,
  unit_id: items.unitId,
  sales_unit_id: items.salesUnitId,
  purchase_unit_id: items.purchaseUnitId,
  cost: items.cost,
  list_price: items.listPrice,
  sales_tax_id: items.salesTaxId,
  purchase_tax_id: items.purchaseTaxId,
  status: items.status,
};

const LIST_FIELDS: ListDefinition['fields'] = {
  name: { column: items.name, type: 'text', sortable: true, searchable: true },
  sku: { column: items.sku, type: 'text', sortable: true, searchable: true },
  barcode: { column: items.barcode, type: 'text', searchable: true },
  kind: { column: items.kind, type: 'text' },
  status: { column: items.status, type: 'text' },
  categoryId: { column: items.categoryId, type: 'uuid' },
  unitId: { column: items.unitId, type: 'uuid' },
  salesTaxId: { column: items.salesTaxId, type: 'uuid' },
  purchaseTaxId: { column: items.purchaseTaxId, type: 'uuid' },
};
/** Filters on prices only for roles that may read them: a filter would reveal the value. */
const PRICE_FILTERS: Record<'cost' | 'list_price', [string, ListDefinition['fields'][string]]> = {
  cost: ['cost', { column: items.cost, type: 'number' }],
  list_price: ['listPrice', { column: items.listPrice, type: 'number' }],
};

const CONSTRAINTS: Record<string, ConstraintMeaning> = {
  ...CODE_CONSTRAINTS,
  items_category_fk: {
    kind: 'unknown-reference',
    field: 'categoryId',
    message: 'No such category',
  },
  items_unit_fk: { kind: 'unknown-reference', field: 'unitId', message: 'No such unit' },
  items_sales_unit_fk: {
    kind: 'unknown-reference',
    field: 'salesUnitId',
    message: 'No such unit',
  },
  items_purchase_unit_fk: {
    kind: 'unknown-reference',
    field: 'purchaseUnitId',
    message: 'No such unit',
  },
  items_sales_tax_fk: {
    kind: 'unknown-reference',
    field: 'salesTaxId',
    message: 'No such tax rate',
  },
  items_purchase_tax_fk: {
    kind: 'unknown-reference',
    field: 'purchaseTaxId',
    message: 'No such tax rate',
  },
  item_unit_conversions_unit_fk: {
    kind: 'unknown-reference',
    field: 'conversions',
    message: 'No such unit',
  },
};

export type ItemView = Omit<ItemRecord, 'kind' | 'status'> & {
  kind: 'stockable' | 'consumable' | 'service';
  status: 'active' | 'archived';
};
export type ItemDetail = ItemView & { conversions: Conversion[] };
/** What a reader gets: the id, and every other field their rules let them read. */
export type Visible<T> = Partial<T> & { id: string };

export const itemView = (row: ItemRecord): ItemView => ({
  ...row,
  kind: row.kind as ItemView['kind'],
  status: row.status as ItemView['status'],
});

/**
 * Goods and services: SKU and barcode unique in the company (with the variants' codes),
 * units with conversions to the base unit, taxes, cost and list price. Reads are masked by
 * the reader's field rules; writes are audited and announced in the outbox.
 */
@Injectable()
export class ItemService {
  constructor(
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  async list(principal: Principal, query: Record<string, unknown>) {
    const ability = await this.permissions.current();
    const fields = { ...LIST_FIELDS };
    for (const [field, [name, definition]] of Object.entries(PRICE_FILTERS)) {
      if (ability.can('read', ITEM_SUBJECT, field)) fields[name] = definition;
    }
    const list = parseListQuery(
      { fields, defaultSort: 'name', id: items.id },
      query,
      and(
        eq(items.tenantId, principal.tenantId),
        await this.permissions.where('read', ITEM_SUBJECT, COLUMNS),
      ),
    );
    const page = await this.items.page(list);
    return {
      ...page,
      items: await Promise.all(page.items.map((row) => this.visible(itemView(row)))),
    };
  }

  /** The filtered list as CSV: columns the reader may read, every page, audited. */
  async exportCsv(
    principal: Principal,
    query: Record<string, unknown>,
    open: () => Writable,
  ): Promise<number> {
    const columns = await this.permissions.readableFields(ITEM_SUBJECT, ITEM_CSV_COLUMNS);
    const rows = await writeListCsv(
      {
        columns,
        page: (q) => this.list(principal, q) as Promise<ListPage<Record<string, unknown>>>,
      },
      query,
      open,
    );
    await this.audit.record({
      action: 'export',
      resource: ITEM_SUBJECT,
      resourceId: 'csv',
      after: { rows, query },
    });
    return rows;
  }

  async get(principal: Principal, id: string): Promise<Visible<ItemDetail>> {
    const row = await this.readable(principal, id);
    return this.visible({
      ...itemView(row),
      conversions: await this.items.conversions(principal.tenantId, id),
    });
  }

  async create(principal: Principal, input: CreateItemInput): Promise<Visible<ItemDetail>> {
    await this.permissions.assertWritable('create', ITEM_SUBJECT, undefined, input);
    const { conversions = [], ...fields } = input;
    checkUnits(fields, conversions);
    const id = newId();
    try {
      await this.items.insert({ ...fields, tenantId: principal.tenantId, id });
      await this.items.replaceConversions(principal.tenantId, id, conversions, newId);
    } catch (error) {
      translateWriteError(error, CONSTRAINTS);
    }
    const created = await this.detail(principal.tenantId, id);
    await this.audit.record({
      action: 'create',
      resource: ITEM_SUBJECT,
      resourceId: id,
      after: created,
    });
    await this.outbox.publish(
      ItemCreated.of(id, {
        id,
        sku: created.sku,
        name: created.name,
        kind: created.kind,
        status: created.status,
      }),
    );
    return this.visible(created);
  }

  async update(
    principal: Principal,
    id: string,
    version: number,
    input: UpdateItemInput,
  ): Promise<Visible<ItemDetail>> {
    const found = await this.items.byId(principal.tenantId, id);
    if (!found) throw DomainError.notFound('Item');
    await this.permissions.assertWritable('update', ITEM_SUBJECT, found, input);
    const before = {
      ...itemView(found),
      conversions: await this.items.conversions(principal.tenantId, id),
    };
    const { conversions, ...fields } = input;
    checkUnits({ ...before, ...fields }, conversions ?? before.conversions);
    if (
      fields.variantAttributes &&
      fields.variantAttributes.join('\n') !== before.variantAttributes.join('\n') &&
      (await this.items.variantCount(principal.tenantId, id)) > 0
    ) {
      throw DomainError.conflict(
        'The item has variants: delete them before changing the attributes they vary by',
      );
    }
    try {
      if (!(await this.items.update(principal.tenantId, id, version, fields))) throw stale();
      if (conversions)
        await this.items.replaceConversions(principal.tenantId, id, conversions, newId);
    } catch (error) {
      translateWriteError(error, CONSTRAINTS);
    }
    const after = await this.detail(principal.tenantId, id);
    await this.audit.record({
      action: 'update',
      resource: ITEM_SUBJECT,
      resourceId: id,
      before,
      after,
    });
    await this.outbox.publish(ItemUpdated.of(id, { id, changed: changedFields(before, after) }));
    return this.visible(after);
  }

  /** With its variants, conversions and images; 409 while a price list names it (archive it instead). */
  async remove(principal: Principal, id: string, version: number): Promise<void> {
    const found = await this.items.byId(principal.tenantId, id);
    if (!found) throw DomainError.notFound('Item');
    await this.permissions.assertWritable('delete', ITEM_SUBJECT, found, {});
    const removed = await this.items
      .remove(principal.tenantId, id, version)
      .catch((error: unknown) => translateDeleteError(error, 'The item'));
    if (!removed) throw stale();
    await this.audit.record({
      action: 'delete',
      resource: ITEM_SUBJECT,
      resourceId: id,
      before: itemView(found),
    });
    await this.outbox.publish(ItemDeleted.of(id, { id }));
  }

  /** An item the principal may read (404 otherwise: no existence oracle). */
  async readable(principal: Principal, id: string): Promise<ItemRecord> {
    const row = await this.items.byId(principal.tenantId, id);
    if (!row) throw DomainError.notFound('Item');
    await this.permissions.assertCan('read', ITEM_SUBJECT, row);
    return row;
  }

  /** An item the principal may change; `lock` holds its row to the end of the transaction. */
  async writable(principal: Principal, id: string, lock = false): Promise<ItemRecord> {
    const row = await this.items.byId(principal.tenantId, id, lock);
    if (!row) throw DomainError.notFound('Item');
    await this.permissions.assertWritable('update', ITEM_SUBJECT, row, {});
    return row;
  }

  /** The record without the fields the current principal may not read. */
  async visible<T extends ItemView>(record: T): Promise<Visible<T>> {
    return { ...(await this.permissions.mask(ITEM_SUBJECT, record)), id: record.id };
  }

  private async detail(tenantId: string, id: string): Promise<ItemDetail> {
    const row = await this.items.byId(tenantId, id);
    if (!row) throw DomainError.notFound('Item');
    return { ...itemView(row), conversions: await this.items.conversions(tenantId, id) };
  }
}

/**
 * Conversions are to the base unit, so the base unit has none; an item is sold and bought
 * in its base unit or in a unit it converts from.
 */
function checkUnits(
  units: {
    unitId: string;
    salesUnitId?: string | null | undefined;
    purchaseUnitId?: string | null | undefined;
  },
  conversions: Conversion[],
): void {
  const issues: FieldIssue[] = [];
  if (conversions.some((c) => c.unitId === units.unitId))
    issues.push({
      path: 'conversions',
      code: 'base_unit',
      message: 'The base unit needs no conversion',
    });
  const known = new Set([units.unitId, ...conversions.map((c) => c.unitId)]);
  for (const path of ['salesUnitId', 'purchaseUnitId'] as const) {
    const unit = units[path];
    if (unit && !known.has(unit))
      issues.push({
        path,
        code: 'no_conversion',
        message: 'Not the base unit: add a conversion from it to the base unit',
      });
  }
  if (issues.length) throw DomainError.validation(issues);
}
