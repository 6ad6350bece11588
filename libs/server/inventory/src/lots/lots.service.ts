import { Inject, Injectable } from '@nestjs/common';
import { StockItemFacts } from '@nexo/catalog';
import { translateWriteError } from '@nexo/db';
import { currentPrincipal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { LOT_CONSTRAINTS, trackingFor } from './lot.service.js';
import { LotRepository } from './lot.repository.js';

export interface EnsureLotInput {
  itemId: string;
  variantId?: string | null;
  /** The code on the label (a lot number or a serial number). */
  code: string;
  /** Set when the lot is first made; an existing lot keeps its own. */
  expiresOn?: string | null;
}

/**
 * Inventory's public face for lots, for the documents that bring stock in (a purchase
 * receipt, a production output): the lot of an item by code, made the first time it is named.
 * Runs on the caller's transaction, in the principal's company; the caller's own permission
 * covers it (a receipt's lots are part of the receipt).
 */
@Injectable()
export class Lots {
  constructor(
    @Inject(LotRepository) private readonly records: LotRepository,
    @Inject(StockItemFacts) private readonly facts: StockItemFacts,
  ) {}

  /** The lot's id: the item's lot of this code, or a new one (422 for an untracked item). */
  async ensure(input: EnsureLotInput): Promise<string> {
    const { tenantId } = currentPrincipal();
    const found = await this.records.byCode(tenantId, input.itemId, input.code);
    if (found) return found.id;
    const tracking = await trackingFor(this.facts, input.itemId, input.variantId);
    const id = await this.records
      .insertOrFind({
        tenantId,
        id: newId(),
        itemId: input.itemId,
        variantId: input.variantId ?? null,
        code: input.code,
        tracking,
        expiresOn: input.expiresOn ?? null,
      })
      .catch((error: unknown) => translateWriteError(error, LOT_CONSTRAINTS));
    if (!id) throw new Error('The lot could not be made');
    return id;
  }
}
