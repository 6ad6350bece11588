import { Inject, Injectable } from '@nestjs/common';
import { StockItemFacts } from '@nexo/catalog';
import type { CreateLotInput, UpdateLotInput } from '@nexo/contracts/inventory';
import type { ListPage } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { RecordWrites, listRecords, type Constraints, type Masked } from '@nexo/records';
import { newId } from '@nexo/utils';
import { lots } from '../db/inventory.tables.js';
import { LOT_COLUMNS, LOT_LIST } from './lot.list.js';
import { LotRepository, type LotRow } from './lot.repository.js';

const SUBJECT = 'inventory.lot';
const NAME = 'Lot';
export const LOT_CONSTRAINTS: Constraints = {
  lots_tenant_item_code_key: {
    kind: 'taken',
    field: 'code',
    message: 'The item already has a lot or serial with this code',
  },
};

/** A lot as it leaves the API. */
export type LotView = Masked<LotRow>;

/** What a lot's trace answers: the lot and its moves in the order they posted. */
export interface LotTrace {
  lot: LotView;
  moves: Awaited<ReturnType<LotRepository['trace']>>;
}

/**
 * Checks the item and variant of a new lot against the catalog and answers how it is tracked
 * (`lot` or `serial`, as the item says). Shared by the API and `Lots.ensure`.
 */
export async function trackingFor(
  facts: StockItemFacts,
  itemId: string,
  variantId: string | null | undefined,
): Promise<'lot' | 'serial'> {
  const item = (await facts.forIds([itemId])).get(itemId);
  if (!item)
    throw DomainError.unknownReference([
      { path: 'itemId', code: 'not_found', message: 'No such item' },
    ]);
  if (variantId && !item.variants.has(variantId))
    throw DomainError.unknownReference([
      { path: 'variantId', code: 'not_found', message: 'No such variant of the item' },
    ]);
  if (item.tracking === 'none')
    throw new DomainError(
      'item_not_tracked',
      'The item is tracked neither by lot nor by serial number',
    );
  return item.tracking;
}

/** Lots and serial numbers of tracked items: their expiry, notes and where they went. */
@Injectable()
export class LotService {
  constructor(
    @Inject(LotRepository) private readonly records: LotRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
    @Inject(StockItemFacts) private readonly facts: StockItemFacts,
  ) {}

  list(query: Record<string, unknown>): Promise<ListPage<LotView>> {
    return listRecords<LotRow>(
      { permissions: this.permissions },
      {
        subject: SUBJECT,
        table: lots,
        definition: LOT_LIST,
        columns: LOT_COLUMNS,
        records: this.records,
      },
      query,
    );
  }

  async get(id: string): Promise<LotView> {
    const row = await this.load(id);
    return this.writes.view(SUBJECT, row);
  }

  create(input: CreateLotInput): Promise<LotView> {
    const { tenantId } = currentPrincipal();
    return this.writes.create({
      subject: SUBJECT,
      input,
      constraints: LOT_CONSTRAINTS,
      insert: async () => {
        const tracking = await trackingFor(this.facts, input.itemId, input.variantId);
        return this.records.insert({
          tenantId,
          id: newId(),
          itemId: input.itemId,
          variantId: input.variantId ?? null,
          code: input.code,
          tracking,
          expiresOn: input.expiresOn ?? null,
          notes: input.notes ?? null,
        });
      },
    });
  }

  update(id: string, version: number, input: UpdateLotInput): Promise<LotView> {
    const { tenantId } = currentPrincipal();
    return this.writes.update({
      subject: SUBJECT,
      name: NAME,
      input,
      constraints: LOT_CONSTRAINTS,
      load: () => this.records.byId(tenantId, id),
      write: () => this.records.update(tenantId, id, version, input),
    });
  }

  async trace(id: string): Promise<LotTrace> {
    const row = await this.load(id);
    const moves = await this.records.trace(row.tenantId, id);
    return { lot: await this.writes.view(SUBJECT, row), moves };
  }

  private async load(id: string): Promise<LotRow> {
    const row = await this.records.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound(NAME);
    await this.permissions.assertCan('read', SUBJECT, row);
    return row;
  }
}
