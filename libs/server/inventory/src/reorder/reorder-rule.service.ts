import { Inject, Injectable } from '@nestjs/common';
import { StockItemFacts } from '@nexo/catalog';
import type {
  CreateReorderRuleInput,
  ReorderSuggestion,
  UpdateReorderRuleInput,
} from '@nexo/contracts/inventory';
import type { ListPage } from '@nexo/db';
import { Jobs } from '@nexo/jobs';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { RecordWrites, listRecords, type Constraints, type Masked } from '@nexo/records';
import { decimal, decimalString, newId } from '@nexo/utils';
import { and, eq, type SQL } from 'drizzle-orm';
import { reorderRules } from '../db/inventory.tables.js';
import { REORDER_RULE_COLUMNS, REORDER_RULE_LIST } from './reorder-rule.list.js';
import { ReorderRuleRepository, type ReorderRuleRow } from './reorder-rule.repository.js';
import { scheduleReorders } from './reorder-schedule.js';
import { rangeProblem, reorderQuantity } from './reorder.policy.js';

const SUBJECT = 'inventory.reorder-rule';
const NAME = 'Reorder rule';
const CONSTRAINTS: Constraints = {
  reorder_rules_key: {
    kind: 'taken',
    field: 'itemId',
    message: 'The item already has a rule in this warehouse',
  },
  reorder_rules_warehouse_fk: {
    kind: 'unknown-reference',
    field: 'warehouseId',
    message: 'No such warehouse',
  },
};

/** A rule as it leaves the API. */
export type ReorderRuleView = Masked<ReorderRuleRow>;

const norm = (value: string) => decimalString(decimal(value));

/**
 * Min/max reorder rules per item and warehouse, and what they suggest ordering now. The
 * suggestions are computed on demand, and daily by `ReorderSuggestionsJob`, queued with the
 * first rule written.
 */
@Injectable()
export class ReorderRuleService {
  constructor(
    @Inject(ReorderRuleRepository) private readonly records: ReorderRuleRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
    @Inject(StockItemFacts) private readonly facts: StockItemFacts,
    @Inject(Jobs) private readonly jobs: Pick<Jobs, 'enqueue'>,
  ) {}

  list(query: Record<string, unknown>): Promise<ListPage<ReorderRuleView>> {
    return listRecords<ReorderRuleRow>(
      { permissions: this.permissions },
      {
        subject: SUBJECT,
        table: reorderRules,
        definition: REORDER_RULE_LIST,
        columns: REORDER_RULE_COLUMNS,
        records: this.records,
      },
      query,
    );
  }

  async get(id: string): Promise<ReorderRuleView> {
    const row = await this.records.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound(NAME);
    await this.permissions.assertCan('read', SUBJECT, row);
    return this.writes.view(SUBJECT, row);
  }

  create(input: CreateReorderRuleInput): Promise<ReorderRuleView> {
    const { tenantId } = currentPrincipal();
    return this.writes.create({
      subject: SUBJECT,
      input,
      constraints: CONSTRAINTS,
      insert: async () => {
        assertRange(input.minimum, input.maximum);
        await this.assertStockedItem(input.itemId, input.variantId);
        // The company's daily suggestions start with its first rule (a no-op once queued).
        await scheduleReorders(this.jobs);
        return this.records.insert({
          tenantId,
          id: newId(),
          itemId: input.itemId,
          variantId: input.variantId ?? null,
          warehouseId: input.warehouseId,
          minimum: input.minimum,
          maximum: input.maximum,
          multiple: input.multiple ?? null,
        });
      },
    });
  }

  update(id: string, version: number, input: UpdateReorderRuleInput): Promise<ReorderRuleView> {
    const { tenantId } = currentPrincipal();
    return this.writes.update({
      subject: SUBJECT,
      name: NAME,
      input,
      constraints: CONSTRAINTS,
      load: () => this.records.byId(tenantId, id),
      write: async (before) => {
        assertRange(input.minimum ?? before.minimum, input.maximum ?? before.maximum);
        // A run that stopped (its author lost access) starts again with the next change.
        await scheduleReorders(this.jobs);
        return this.records.update(tenantId, id, version, input);
      },
    });
  }

  remove(id: string, version: number): Promise<void> {
    const { tenantId } = currentPrincipal();
    return this.writes.remove({
      subject: SUBJECT,
      name: NAME,
      load: () => this.records.byId(tenantId, id),
      remove: () => this.records.remove(tenantId, id, version),
    });
  }

  /** The suggestions of the rules the caller may read, narrowed by warehouse or item. */
  async suggestions(query: {
    warehouseId?: string | undefined;
    itemId?: string | undefined;
  }): Promise<{ items: ReorderSuggestion[] }> {
    const { tenantId } = currentPrincipal();
    const scope = and(
      await this.permissions.where('read', SUBJECT, REORDER_RULE_COLUMNS),
      query.warehouseId ? eq(reorderRules.warehouseId, query.warehouseId) : undefined,
      query.itemId ? eq(reorderRules.itemId, query.itemId) : undefined,
    );
    return { items: await this.suggest(tenantId, scope) };
  }

  /** Every suggestion of the company (the daily job's: no caller to narrow it). */
  async suggest(tenantId: string, scope?: SQL): Promise<ReorderSuggestion[]> {
    const rows = await this.records.atOrBelowMinimum(tenantId, scope);
    return rows.flatMap((row) => {
      const figures = {
        onHand: norm(row.onHand),
        reserved: norm(row.reserved),
        minimum: norm(row.minimum),
        maximum: norm(row.maximum),
        multiple: row.multiple === null ? null : norm(row.multiple),
      };
      const order = reorderQuantity(figures);
      if (!order) return [];
      return [
        {
          ruleId: row.ruleId,
          itemId: row.itemId,
          variantId: row.variantId,
          warehouseId: row.warehouseId,
          ...figures,
          ...order,
        },
      ];
    });
  }

  private async assertStockedItem(itemId: string, variantId: string | null | undefined) {
    const item = (await this.facts.forIds([itemId])).get(itemId);
    if (!item)
      throw DomainError.unknownReference([
        { path: 'itemId', code: 'not_found', message: 'No such item' },
      ]);
    if (variantId && !item.variants.has(variantId))
      throw DomainError.unknownReference([
        { path: 'variantId', code: 'not_found', message: 'No such variant of the item' },
      ]);
    if (item.kind !== 'stockable')
      throw new DomainError('item_not_stocked', 'The item keeps no stock');
  }
}

function assertRange(minimum: string, maximum: string): void {
  const problem = rangeProblem(minimum, maximum);
  if (problem)
    throw DomainError.validation([{ path: 'maximum', code: 'below_minimum', message: problem }]);
}
