import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type { CreateItemInput, FieldIssue, UpdateItemInput } from '@nexo/contracts';
import { parseListQuery, type ConstraintMeaning, type ListPage } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { RecordWrites, type Masked, exportListCsv } from '@nexo/records';
import { newId } from '@nexo/utils';
import { and, eq } from 'drizzle-orm';
import type { Writable } from 'node:stream';
import { ItemCreated, ItemDeleted, ItemUpdated, changedFields } from '../catalog.events.js';
import { CODE_CONSTRAINTS } from '../db/catalog.constraints.js';
import { items } from '../db/catalog.tables.js';
import { ITEM_COLUMNS, ITEM_CSV_COLUMNS, ITEM_LIST, ITEM_PRICE_FILTERS } from './item.list.js';
import { ItemRepository, type Conversion, type ItemRow } from './item.repository.js';

export const ITEM_SUBJECT = 'catalog.item';
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

/** An item and the currency of its prices: the company's base currency. */
export type PricedItem = ItemRow & { currency: string };
/** An item with its unit conversions, as stored (audited before and after a change). */
export type ItemDetail = PricedItem & { conversions: Conversion[] };
/** An item as it leaves the API in a list: what the caller may read of it. */
export type ItemView = Masked<PricedItem>;
/** An item with its conversions as it leaves the API: what the caller may read of it. */
export type ItemDetailView = Masked<ItemDetail>;

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
    @Inject(RecordWrites) private readonly writes: RecordWrites,
  ) {}

  async list(query: Record<string, unknown>): Promise<ListPage<ItemView>> {
    const ability = await this.permissions.current();
    const fields = { ...ITEM_LIST.fields };
    for (const [field, [name, definition]] of Object.entries(ITEM_PRICE_FILTERS)) {
      if (ability.can('read', ITEM_SUBJECT, field)) fields[name] = definition;
    }
    const list = parseListQuery(
      { ...ITEM_LIST, fields },
      query,
      and(
        eq(items.tenantId, currentPrincipal().tenantId),
        await this.permissions.where('read', ITEM_SUBJECT, ITEM_COLUMNS),
      ),
    );
    const page = await this.items.page(list);
    const view = await this.writes.viewer<PricedItem>(ITEM_SUBJECT);
    const currency = await this.currency();
    return { ...page, items: page.items.map((row) => view({ ...row, currency })) };
  }

  /** The filtered list as CSV: columns the reader may read, every page, audited. */
  exportCsv(query: Record<string, unknown>, open: () => Writable): Promise<number> {
    return exportListCsv(
      { permissions: this.permissions, audit: this.audit },
      { subject: ITEM_SUBJECT, columns: ITEM_CSV_COLUMNS, page: (q) => this.list(q) },
      query,
      open,
    );
  }

  async get(id: string): Promise<ItemDetailView> {
    const row = await this.readable(id);
    const conversions = await this.items.conversions(currentPrincipal().tenantId, id);
    return this.view({ ...row, currency: await this.currency(), conversions });
  }

  create(input: CreateItemInput): Promise<ItemDetailView> {
    const { tenantId } = currentPrincipal();
    const { conversions = [], ...fields } = input;
    return this.writes.create({
      subject: ITEM_SUBJECT,
      input,
      constraints: CONSTRAINTS,
      insert: async () => {
        checkUnits(fields, conversions);
        const id = newId();
        await this.items.insert({ ...fields, tenantId, id });
        await this.items.replaceConversions(tenantId, id, conversions, newId);
        return this.detail(tenantId, id);
      },
      event: (created) =>
        ItemCreated.of(created.id, {
          id: created.id,
          sku: created.sku,
          name: created.name,
          kind: created.kind,
          status: created.status,
        }),
    });
  }

  update(id: string, version: number, input: UpdateItemInput): Promise<ItemDetailView> {
    const { tenantId } = currentPrincipal();
    const { conversions, ...fields } = input;
    return this.writes.update({
      subject: ITEM_SUBJECT,
      name: 'Item',
      input,
      constraints: CONSTRAINTS,
      load: async () => {
        const row = await this.items.byId(tenantId, id);
        return (
          row && {
            ...row,
            currency: await this.currency(),
            conversions: await this.items.conversions(tenantId, id),
          }
        );
      },
      write: async (before) => {
        checkUnits({ ...before, ...fields }, conversions ?? before.conversions);
        if (
          fields.variantAttributes &&
          fields.variantAttributes.join('\n') !== before.variantAttributes.join('\n') &&
          (await this.items.variantCount(tenantId, id)) > 0
        ) {
          throw DomainError.conflict(
            'The item has variants: delete them before changing the attributes they vary by',
          );
        }
        if (!(await this.items.update(tenantId, id, version, fields))) return undefined;
        if (conversions) await this.items.replaceConversions(tenantId, id, conversions, newId);
        return this.detail(tenantId, id);
      },
      event: (before, after) => ItemUpdated.of(id, { id, changed: changedFields(before, after) }),
    });
  }

  /** With its variants, conversions and images; 409 while a price list names it (archive it instead). */
  remove(id: string, version: number): Promise<void> {
    const { tenantId } = currentPrincipal();
    return this.writes.remove({
      subject: ITEM_SUBJECT,
      name: 'Item',
      load: () => this.items.byId(tenantId, id),
      remove: () => this.items.remove(tenantId, id, version),
      event: () => ItemDeleted.of(id, { id }),
    });
  }

  /** An item the principal may read (404 otherwise: no existence oracle). */
  async readable(id: string): Promise<ItemRow> {
    const row = await this.items.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound('Item');
    await this.permissions.assertCan('read', ITEM_SUBJECT, row);
    return row;
  }

  /** An item the principal may change; `lock` holds its row to the end of the transaction. */
  async writable(id: string, lock = false): Promise<ItemRow> {
    const row = await this.items.byId(currentPrincipal().tenantId, id, lock);
    if (!row) throw DomainError.notFound('Item');
    await this.permissions.assertWritable('update', ITEM_SUBJECT, row, {});
    return row;
  }

  /** What the current principal may read of an item (or anything shaped like one). */
  view<T extends ItemRow>(record: T): Promise<Masked<T>> {
    return this.writes.view(ITEM_SUBJECT, record);
  }

  /** The currency of every item's cost, list price and margin: the company's base currency. */
  currency(): Promise<string> {
    return this.items.companyCurrency(currentPrincipal().tenantId);
  }

  private async detail(tenantId: string, id: string): Promise<ItemDetail> {
    const row = await this.items.byId(tenantId, id);
    if (!row) throw DomainError.notFound('Item');
    return {
      ...row,
      currency: await this.currency(),
      conversions: await this.items.conversions(tenantId, id),
    };
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
