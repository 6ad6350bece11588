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

/**
 * A variant as it leaves the API: without the price fields the reader may not see on its
 * item, with the currency of its prices (the company's base currency).
 */
export type ItemVariantView = Masked<ItemVariantRow> & { currency: string };

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
    const view = await this.viewer(item);
    return { ...page, items: page.items.map(view) };
  }

  async get(id: string): Promise<ItemVariantView> {
    const variant = await this.items.variantById(currentPrincipal().tenantId, id);
    if (!variant) throw DomainError.notFound('Variant');
    const item = await this.itemService.readable(variant.itemId);
    return (await this.viewer(item))(variant);
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
    return (await this.viewer(item))(created);
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
    return (await this.viewer(item))(after);
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

  /**
   * How the item's variants are shown: without the price fields the reader may not see on
   * the item, with the currency of their prices.
   */
  private async viewer(item: ItemRow): Promise<(variant: ItemVariantRow) => ItemVariantView> {
    const visible = await this.itemService.view(item);
    const hidden = new Set<string>(PRICE_FIELDS.filter((f) => !(f in visible)));
    const currency = await this.itemService.currency();
    return (variant) => ({
      ...(Object.fromEntries(
        Object.entries(variant).filter(([k]) => !hidden.has(k)),
      ) as Masked<ItemVariantRow>),
      currency,
    });
  }
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
