import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type { CreateItemVariantInput, UpdateItemVariantInput } from '@nexo/contracts';
import {
  parseListQuery,
  translateDeleteError,
  translateWriteError,
  type ConstraintMeaning,
  type ListPage,
} from '@nexo/db';
import { EventOutbox } from '@nexo/events';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal, stale } from '@nexo/platform';
import type { Masked } from '@nexo/records';
import { newId } from '@nexo/utils';
import { and, eq } from 'drizzle-orm';
import {
  ItemVariantCreated,
  ItemVariantDeleted,
  ItemVariantUpdated,
  changedFields,
} from '../catalog.events.js';
import { itemVariants } from '../db/catalog.tables.js';
import { CODE_CONSTRAINTS } from '../db/catalog.constraints.js';
import { ITEM_VARIANT_LIST } from './item-variant.list.js';
import { ItemRepository, type ItemRow, type ItemVariantRow } from './item.repository.js';
import { ITEM_SUBJECT, ItemService } from './item.service.js';

const RESOURCE = 'catalog.item-variant';
const CONSTRAINTS: Record<string, ConstraintMeaning> = {
  ...CODE_CONSTRAINTS,
  item_variants_tenant_item_attributes_key: {
    kind: 'taken',
    field: 'attributes',
    message: 'The item has a variant with these attributes',
  },
};
/** The price fields of a variant follow the reader's rules on the item's. */
const PRICE_FIELDS = ['cost', 'listPrice', 'margin'] as const;

/** A variant as it leaves the API: without the price fields the reader may not see on its item. */
export type ItemVariantView = Masked<ItemVariantRow>;

/**
 * Variants of an item by its attributes (size, colour), each with its own SKU and barcode in
 * the company's one space of codes. Access follows the item: who may read the item reads its
 * variants (with the same price fields), who may change it manages them.
 */
@Injectable()
export class ItemVariantService {
  constructor(
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(ItemService) private readonly itemService: ItemService,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  async list(itemId: string, query: Record<string, unknown>): Promise<ListPage<ItemVariantView>> {
    const item = await this.itemService.readable(itemId);
    const list = parseListQuery(
      ITEM_VARIANT_LIST,
      query,
      and(eq(itemVariants.tenantId, currentPrincipal().tenantId), eq(itemVariants.itemId, itemId)),
    );
    const page = await this.items.variantPage(list);
    const hidden = await this.hiddenPriceFields(item);
    return { ...page, items: page.items.map((v) => hide(v, hidden)) };
  }

  async get(id: string): Promise<ItemVariantView> {
    const variant = await this.items.variantById(currentPrincipal().tenantId, id);
    if (!variant) throw DomainError.notFound('Variant');
    const item = await this.itemService.readable(variant.itemId);
    return hide(variant, await this.hiddenPriceFields(item));
  }

  async create(itemId: string, input: CreateItemVariantInput): Promise<ItemVariantView> {
    const { tenantId } = currentPrincipal();
    const item = await this.itemService.writable(itemId);
    await this.permissions.assertWritable('update', ITEM_SUBJECT, item, priceChanges(input));
    checkAttributes(item, input.attributes);
    const id = newId();
    await this.items
      .insertVariant({ ...input, tenantId, id, itemId })
      .catch((error: unknown) => translateWriteError(error, CONSTRAINTS));
    const created = await this.load(tenantId, id);
    await this.audit.record({
      action: 'create',
      resource: RESOURCE,
      resourceId: id,
      after: created,
    });
    await this.outbox.publish(ItemVariantCreated.of(itemId, { id, itemId, sku: created.sku }));
    return hide(created, await this.hiddenPriceFields(item));
  }

  async update(
    id: string,
    version: number,
    input: UpdateItemVariantInput,
  ): Promise<ItemVariantView> {
    const { tenantId } = currentPrincipal();
    const before = await this.items.variantById(tenantId, id);
    if (!before) throw DomainError.notFound('Variant');
    const item = await this.itemService.writable(before.itemId);
    await this.permissions.assertWritable('update', ITEM_SUBJECT, item, priceChanges(input));
    if (input.attributes) checkAttributes(item, input.attributes);
    const updated = await this.items
      .updateVariant(tenantId, id, version, input)
      .catch((error: unknown) => translateWriteError(error, CONSTRAINTS));
    if (!updated) throw stale();
    const after = await this.load(tenantId, id);
    await this.audit.record({
      action: 'update',
      resource: RESOURCE,
      resourceId: id,
      before,
      after,
    });
    await this.outbox.publish(
      ItemVariantUpdated.of(item.id, {
        id,
        itemId: item.id,
        changed: changedFields(before, after),
      }),
    );
    return hide(after, await this.hiddenPriceFields(item));
  }

  /** 409 while a price list names it. */
  async remove(id: string, version: number): Promise<void> {
    const { tenantId } = currentPrincipal();
    const before = await this.items.variantById(tenantId, id);
    if (!before) throw DomainError.notFound('Variant');
    const item = await this.itemService.writable(before.itemId);
    const removed = await this.items
      .removeVariant(tenantId, id, version)
      .catch((error: unknown) => translateDeleteError(error, 'The variant'));
    if (!removed) throw stale();
    await this.audit.record({
      action: 'delete',
      resource: RESOURCE,
      resourceId: id,
      before,
    });
    await this.outbox.publish(ItemVariantDeleted.of(item.id, { id, itemId: item.id }));
  }

  private async load(tenantId: string, id: string): Promise<ItemVariantRow> {
    const row = await this.items.variantById(tenantId, id);
    if (!row) throw DomainError.notFound('Variant');
    return row;
  }

  /** The price fields the reader may not see on this item, hence on its variants. */
  private async hiddenPriceFields(item: ItemRow): Promise<Set<string>> {
    const visible = await this.itemService.view(item);
    return new Set(PRICE_FIELDS.filter((f) => !(f in visible)));
  }
}

function hide(variant: ItemVariantRow, hidden: Set<string>): ItemVariantView {
  return Object.fromEntries(
    Object.entries(variant).filter(([k]) => !hidden.has(k)),
  ) as ItemVariantView;
}

/** A variant's cost and list price are the item's fields as far as write rules go. */
function priceChanges(input: UpdateItemVariantInput): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input).filter(([k]) => k === 'cost' || k === 'listPrice'),
  );
}

/** One value for each of the item's variant attributes, and no other. */
function checkAttributes(item: ItemRow, attributes: Record<string, string>): void {
  const expected = [...item.variantAttributes].sort();
  const given = Object.keys(attributes).sort();
  if (!expected.length)
    throw DomainError.validation([
      {
        path: 'attributes',
        code: 'no_variant_attributes',
        message: 'Give the item its variantAttributes (size, colour…) first',
      },
    ]);
  if (expected.join('\n') !== given.join('\n'))
    throw DomainError.validation([
      {
        path: 'attributes',
        code: 'attributes_mismatch',
        message: `One value for each of: ${expected.join(', ')}`,
      },
    ]);
}
