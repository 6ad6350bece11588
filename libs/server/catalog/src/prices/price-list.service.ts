import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type {
  CreatePriceListInput,
  CreatePriceListRuleInput,
  UpdatePriceListInput,
  UpdatePriceListRuleInput,
} from '@nexo/contracts';
import {
  defineConstraints,
  parseListQuery,
  translateWriteError,
  unknownReference,
  type ConstraintMeaning,
  type ListPage,
} from '@nexo/db';
import { EventOutbox } from '@nexo/events';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal, stale } from '@nexo/platform';
import { RecordWrites, auditSnapshot, type Masked } from '@nexo/records';
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
import { PRICE_LIST_COLUMNS, PRICE_LIST_LIST, PRICE_LIST_RULE_LIST } from './price-list.list.js';
import {
  PriceListRepository,
  type PriceListRow,
  type PriceListRuleRow,
} from './price-list.repository.js';
import { priceListIssues, ruleChange } from './price-list.policy.js';

export const PRICE_LIST_SUBJECT = 'catalog.price-list';
const RULE_RESOURCE = 'catalog.price-list-rule';

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

/** A price list as it leaves the API: what the caller may read of it. */
export type PriceListView = Masked<PriceListRow>;
/**
 * A rule as it leaves the API (rules are read with their list: no masks of their own), with
 * the currency of its price: its list's.
 */
export type PriceListRuleView = Omit<PriceListRuleRow, 'tenantId'> & { currency: string };
const ruleView = (
  { tenantId: _, ...rule }: PriceListRuleRow,
  list: { currency: string },
): PriceListRuleView => ({ ...rule, currency: list.currency });

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
    @Inject(RecordWrites) private readonly writes: RecordWrites,
  ) {}

  async list(query: Record<string, unknown>): Promise<ListPage<PriceListView>> {
    const list = parseListQuery(
      PRICE_LIST_LIST,
      query,
      and(
        eq(priceLists.tenantId, currentPrincipal().tenantId),
        await this.permissions.where('read', PRICE_LIST_SUBJECT, PRICE_LIST_COLUMNS),
      ),
    );
    const page = await this.lists.page(list);
    const view = await this.permissions.viewer<PriceListRow>(PRICE_LIST_SUBJECT);
    return { ...page, items: page.items.map(view) };
  }

  async get(id: string): Promise<PriceListView> {
    return this.writes.view(PRICE_LIST_SUBJECT, await this.readable(id));
  }

  create(input: CreatePriceListInput): Promise<PriceListView> {
    const { tenantId } = currentPrincipal();
    return this.writes.create({
      subject: PRICE_LIST_SUBJECT,
      input,
      insert: () => this.lists.insert({ ...input, tenantId, id: newId() }),
      event: (row) =>
        PriceListCreated.of(row.id, { id: row.id, name: row.name, currency: row.currency }),
    });
  }

  update(id: string, version: number, input: UpdatePriceListInput): Promise<PriceListView> {
    const { tenantId } = currentPrincipal();
    return this.writes.update({
      subject: PRICE_LIST_SUBJECT,
      name: 'Price list',
      input,
      load: () => this.lists.byId(tenantId, id),
      write: async (before) => {
        const issues = priceListIssues({ ...before, ...input });
        if (issues.length) throw DomainError.validation(issues);
        if (input.currency && input.currency !== before.currency) {
          const { currency } = await this.lists.companyToday(tenantId);
          if (input.currency !== currency && (await this.lists.discountRuleCount(tenantId, id)) > 0)
            throw DomainError.conflict(
              `The list has discount rules, which apply to list prices in ${currency} only`,
            );
        }
        return this.lists.update(tenantId, id, version, input);
      },
      event: (before, after) =>
        PriceListUpdated.of(id, {
          id,
          changed: changedFields(auditSnapshot(before), auditSnapshot(after)),
        }),
    });
  }

  /** With its rules. */
  remove(id: string, version: number): Promise<void> {
    const { tenantId } = currentPrincipal();
    return this.writes.remove({
      subject: PRICE_LIST_SUBJECT,
      name: 'Price list',
      load: () => this.lists.byId(tenantId, id),
      remove: () => this.lists.remove(tenantId, id, version),
      event: () => PriceListDeleted.of(id, { id }),
    });
  }

  async listRules(
    priceListId: string,
    query: Record<string, unknown>,
  ): Promise<ListPage<PriceListRuleView>> {
    const priceList = await this.readable(priceListId);
    const list = parseListQuery(
      PRICE_LIST_RULE_LIST,
      query,
      and(
        eq(priceListRules.tenantId, currentPrincipal().tenantId),
        eq(priceListRules.priceListId, priceListId),
      ),
    );
    const page = await this.lists.rules.page(list);
    return { ...page, items: page.items.map((rule) => ruleView(rule, priceList)) };
  }

  async createRule(
    priceListId: string,
    input: CreatePriceListRuleInput,
  ): Promise<PriceListRuleView> {
    const { tenantId } = currentPrincipal();
    const list = await this.writable(priceListId);
    if (input.kind === 'discount') await this.assertDiscountable(list);
    const row = await this.lists.rules
      .insert({
        ...input,
        tenantId,
        id: newId(),
        priceListId,
        minQuantity: input.minQuantity ?? '0',
      })
      .catch((error: unknown) => translateWriteError(error, RULE_CONSTRAINTS));
    const created = ruleView(row, list);
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
    id: string,
    version: number,
    input: UpdatePriceListRuleInput,
  ): Promise<PriceListRuleView> {
    const { tenantId } = currentPrincipal();
    const before = await this.lists.rules.byId(tenantId, id);
    if (!before) throw DomainError.notFound('Price list rule');
    const list = await this.writable(before.priceListId);
    const change = ruleChange(before, input);
    if (change.issue) throw DomainError.validation([change.issue]);
    const { kind, changes } = change;
    if (kind === 'discount') await this.assertDiscountable(list);
    const row = await this.lists.rules
      .update(tenantId, id, version, changes)
      .catch((error: unknown) => translateWriteError(error, RULE_CONSTRAINTS));
    if (!row) throw stale();
    await this.audit.record({
      action: 'update',
      resource: RULE_RESOURCE,
      resourceId: id,
      before: ruleView(before, list),
      after: ruleView(row, list),
    });
    await this.outbox.publish(
      PriceListRulesChanged.of(list.id, {
        id: list.id,
        ruleId: id,
        itemId: row.itemId,
        change: 'updated',
      }),
    );
    return ruleView(row, list);
  }

  async removeRule(id: string, version: number): Promise<void> {
    const { tenantId } = currentPrincipal();
    const before = await this.lists.rules.byId(tenantId, id);
    if (!before) throw DomainError.notFound('Price list rule');
    const list = await this.writable(before.priceListId);
    if (!(await this.lists.rules.remove(tenantId, id, version))) throw stale();
    await this.audit.record({
      action: 'delete',
      resource: RULE_RESOURCE,
      resourceId: id,
      before: ruleView(before, list),
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

  private async readable(id: string): Promise<PriceListRow> {
    const row = await this.lists.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound('Price list');
    await this.permissions.assertCan('read', PRICE_LIST_SUBJECT, row);
    return row;
  }

  /** Rules are part of their list: changing one is changing the list. */
  private async writable(id: string): Promise<PriceListRow> {
    const row = await this.lists.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound('Price list');
    await this.permissions.assertWritable('update', PRICE_LIST_SUBJECT, row, {});
    return row;
  }

  /** Discounts are off list prices, which are in the company's currency. */
  private async assertDiscountable(list: PriceListRow): Promise<void> {
    const { currency } = await this.lists.companyToday(list.tenantId);
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
