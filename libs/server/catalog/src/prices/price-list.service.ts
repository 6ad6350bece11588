import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type {
  CreatePriceListInput,
  CreatePriceListRuleInput,
  UpdatePriceListInput,
  UpdatePriceListRuleInput,
} from '@nexo/contracts';
import { defineConstraints, parseListQuery, unknownReference, type ListDefinition } from '@nexo/db';
import { EventOutbox } from '@nexo/events';
import { PermissionService } from '@nexo/permissions';
import { DomainError, stale, type Principal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, eq } from 'drizzle-orm';
import {
  PriceListCreated,
  PriceListDeleted,
  PriceListRulesChanged,
  PriceListUpdated,
  changedFields,
} from '../catalog.events.js';
import { priceListRules, priceLists } from '../db/catalog.tables.js';
import { translateWriteError, type ConstraintMeaning } from '../shared/db-errors.js';
import {
  PriceListRepository,
  type PriceListRow,
  type PriceListRuleRow,
} from './price-list.repository.js';

export const PRICE_LIST_SUBJECT = 'catalog.price-list';
const RULE_RESOURCE = 'catalog.price-list-rule';

/** Rules about price lists name these fields. */
export const PRICE_LIST_COLUMNS = {
  id: priceLists.id,
  name: priceLists.name,
  currency: priceLists.currency,
  party_id: priceLists.partyId,
  customer_group: priceLists.customerGroup,
  valid_from: priceLists.validFrom,
  valid_to: priceLists.validTo,
  active: priceLists.active,
};
const LIST: ListDefinition = {
  fields: {
    name: { column: priceLists.name, type: 'text', sortable: true, searchable: true },
    currency: { column: priceLists.currency, type: 'text' },
    partyId: { column: priceLists.partyId, type: 'uuid' },
    customerGroup: { column: priceLists.customerGroup, type: 'text' },
    active: { column: priceLists.active, type: 'boolean' },
  },
  defaultSort: 'name',
  id: priceLists.id,
};
const RULE_LIST: ListDefinition = {
  fields: {
    id: { column: priceListRules.id, type: 'uuid', sortable: true },
    itemId: { column: priceListRules.itemId, type: 'uuid' },
    variantId: { column: priceListRules.variantId, type: 'uuid' },
    kind: { column: priceListRules.kind, type: 'text' },
  },
  defaultSort: 'id',
  id: priceListRules.id,
};
// A list for one party names a party of the company (migration 0030, issue 23).
defineConstraints({ price_lists_party_fk: unknownReference('partyId', 'No such party') });
const RULE_CONSTRAINTS: Record<string, ConstraintMeaning> = {
  price_list_rules_tenant_list_item_variant_qty_key: {
    kind: 'taken',
    field: 'minQuantity',
    message: 'The list already prices this item (or variant) from this quantity',
  },
  price_list_rules_item_fk: { kind: 'unknown-reference', field: 'itemId', message: 'No such item' },
  price_list_rules_variant_fk: {
    kind: 'unknown-reference',
    field: 'variantId',
    message: 'No such variant of this item',
  },
};

type Rule = Omit<PriceListRuleRow, 'tenantId' | 'kind'> & { kind: 'fixed' | 'discount' };
const listView = ({ tenantId: _, ...list }: PriceListRow) => list;
const ruleView = ({ tenantId: _, ...rule }: PriceListRuleRow): Rule => ({
  ...rule,
  kind: rule.kind as Rule['kind'],
});

/**
 * Price lists (per currency; for everyone, a customer group or one party; valid between
 * dates) and their rules (quantity breaks; a fixed price or a discount off the list price).
 */
@Injectable()
export class PriceListService {
  constructor(
    @Inject(PriceListRepository) private readonly lists: PriceListRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  async list(principal: Principal, query: Record<string, unknown>) {
    const list = parseListQuery(
      LIST,
      query,
      and(
        eq(priceLists.tenantId, principal.tenantId),
        await this.permissions.where('read', PRICE_LIST_SUBJECT, PRICE_LIST_COLUMNS),
      ),
    );
    const page = await this.lists.page(list);
    return { ...page, items: page.items.map(listView) };
  }

  async get(principal: Principal, id: string) {
    return listView(await this.readable(principal, id));
  }

  async create(principal: Principal, input: CreatePriceListInput) {
    await this.permissions.assertWritable('create', PRICE_LIST_SUBJECT, undefined, input);
    const row = await this.lists.insert({ ...input, tenantId: principal.tenantId, id: newId() });
    await this.audit.record({
      action: 'create',
      resource: PRICE_LIST_SUBJECT,
      resourceId: row.id,
      after: listView(row),
    });
    await this.outbox.publish(
      PriceListCreated.of(row.id, { id: row.id, name: row.name, currency: row.currency }),
    );
    return listView(row);
  }

  async update(principal: Principal, id: string, version: number, input: UpdatePriceListInput) {
    const before = await this.lists.byId(principal.tenantId, id);
    if (!before) throw DomainError.notFound('Price list');
    await this.permissions.assertWritable('update', PRICE_LIST_SUBJECT, before, input);
    const merged = { ...before, ...input };
    if (merged.partyId && merged.customerGroup)
      throw DomainError.validation([
        { path: 'customerGroup', code: 'custom', message: 'A party or a group, not both' },
      ]);
    if (merged.validFrom && merged.validTo && merged.validFrom > merged.validTo)
      throw DomainError.validation([
        { path: 'validTo', code: 'custom', message: 'Not before validFrom' },
      ]);
    if (input.currency && input.currency !== before.currency) {
      const { currency } = await this.lists.companyToday(principal.tenantId);
      if (
        input.currency !== currency &&
        (await this.lists.discountRuleCount(principal.tenantId, id)) > 0
      )
        throw DomainError.conflict(
          `The list has discount rules, which apply to list prices in ${currency} only`,
        );
    }
    const row = await this.lists.update(principal.tenantId, id, version, input);
    if (!row) throw stale();
    await this.audit.record({
      action: 'update',
      resource: PRICE_LIST_SUBJECT,
      resourceId: id,
      before: listView(before),
      after: listView(row),
    });
    await this.outbox.publish(
      PriceListUpdated.of(id, { id, changed: changedFields(listView(before), listView(row)) }),
    );
    return listView(row);
  }

  /** With its rules. */
  async remove(principal: Principal, id: string, version: number): Promise<void> {
    const before = await this.lists.byId(principal.tenantId, id);
    if (!before) throw DomainError.notFound('Price list');
    await this.permissions.assertWritable('delete', PRICE_LIST_SUBJECT, before, {});
    if (!(await this.lists.remove(principal.tenantId, id, version))) throw stale();
    await this.audit.record({
      action: 'delete',
      resource: PRICE_LIST_SUBJECT,
      resourceId: id,
      before: listView(before),
    });
    await this.outbox.publish(PriceListDeleted.of(id, { id }));
  }

  async listRules(principal: Principal, priceListId: string, query: Record<string, unknown>) {
    await this.readable(principal, priceListId);
    const list = parseListQuery(
      RULE_LIST,
      query,
      and(
        eq(priceListRules.tenantId, principal.tenantId),
        eq(priceListRules.priceListId, priceListId),
      ),
    );
    const page = await this.lists.rules.page(list);
    return { ...page, items: page.items.map(ruleView) };
  }

  async createRule(principal: Principal, priceListId: string, input: CreatePriceListRuleInput) {
    const list = await this.writable(principal, priceListId);
    if (input.kind === 'discount') await this.assertDiscountable(principal, list);
    const row = await this.lists.rules
      .insert({
        ...input,
        tenantId: principal.tenantId,
        id: newId(),
        priceListId,
        minQuantity: input.minQuantity ?? '0',
      })
      .catch((error: unknown) => translateWriteError(error, RULE_CONSTRAINTS));
    const created = ruleView(row);
    await this.audit.record({
      action: 'create',
      resource: RULE_RESOURCE,
      resourceId: row.id,
      after: created,
    });
    await this.outbox.publish(
      PriceListRulesChanged.of(priceListId, {
        id: priceListId,
        ruleId: row.id,
        itemId: row.itemId,
        change: 'created',
      }),
    );
    return created;
  }

  /** A change of `kind` clears the other kind's amount. */
  async updateRule(
    principal: Principal,
    id: string,
    version: number,
    input: UpdatePriceListRuleInput,
  ) {
    const before = await this.lists.rules.byId(principal.tenantId, id);
    if (!before) throw DomainError.notFound('Price list rule');
    const list = await this.writable(principal, before.priceListId);
    const kind = input.kind ?? before.kind;
    const changes = {
      ...input,
      ...(kind === 'fixed' ? { discountPercent: null } : { price: null }),
    };
    const merged = { ...before, ...changes };
    if (kind === 'fixed' ? merged.price == null : merged.discountPercent == null)
      throw DomainError.validation([
        {
          path: kind === 'fixed' ? 'price' : 'discountPercent',
          code: 'required',
          message: '`fixed` takes a price, `discount` a discountPercent',
        },
      ]);
    if (kind === 'discount') await this.assertDiscountable(principal, list);
    const row = await this.lists.rules
      .update(principal.tenantId, id, version, changes)
      .catch((error: unknown) => translateWriteError(error, RULE_CONSTRAINTS));
    if (!row) throw stale();
    await this.audit.record({
      action: 'update',
      resource: RULE_RESOURCE,
      resourceId: id,
      before: ruleView(before),
      after: ruleView(row),
    });
    await this.outbox.publish(
      PriceListRulesChanged.of(list.id, {
        id: list.id,
        ruleId: id,
        itemId: row.itemId,
        change: 'updated',
      }),
    );
    return ruleView(row);
  }

  async removeRule(principal: Principal, id: string, version: number): Promise<void> {
    const before = await this.lists.rules.byId(principal.tenantId, id);
    if (!before) throw DomainError.notFound('Price list rule');
    const list = await this.writable(principal, before.priceListId);
    if (!(await this.lists.rules.remove(principal.tenantId, id, version))) throw stale();
    await this.audit.record({
      action: 'delete',
      resource: RULE_RESOURCE,
      resourceId: id,
      before: ruleView(before),
    });
    await this.outbox.publish(
      PriceListRulesChanged.of(list.id, {
        id: list.id,
        ruleId: id,
        itemId: before.itemId,
        change: 'deleted',
      }),
    );
  }

  private async readable(principal: Principal, id: string): Promise<PriceListRow> {
    const row = await this.lists.byId(principal.tenantId, id);
    if (!row) throw DomainError.notFound('Price list');
    await this.permissions.assertCan('read', PRICE_LIST_SUBJECT, row);
    return row;
  }

  /** Rules are part of their list: changing one is changing the list. */
  private async writable(principal: Principal, id: string): Promise<PriceListRow> {
    const row = await this.lists.byId(principal.tenantId, id);
    if (!row) throw DomainError.notFound('Price list');
    await this.permissions.assertWritable('update', PRICE_LIST_SUBJECT, row, {});
    return row;
  }

  /** Discounts are off list prices, which are in the company's currency. */
  private async assertDiscountable(principal: Principal, list: PriceListRow): Promise<void> {
    const { currency } = await this.lists.companyToday(principal.tenantId);
    if (list.currency !== currency)
      throw DomainError.validation([
        {
          path: 'kind',
          code: 'discount_currency',
          message: `Discounts apply to list prices in ${currency}; this list is in ${list.currency}: use fixed prices`,
        },
      ]);
  }
}
