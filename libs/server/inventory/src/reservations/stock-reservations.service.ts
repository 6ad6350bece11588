import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { type Decimal, decimal, decimalString, isUuid, newId } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import { StockLedgerRepository } from '../ledger/stock-ledger.repository.js';
import type {
  Availability,
  LotSuggestion,
  ReleaseInput,
  ReserveInput,
} from '../ledger/stock-posting.types.js';

const QUANTITY = /^\d{1,14}(\.\d{1,6})?$/;

/**
 * Stock held for source lines, per warehouse, in base units; available = on hand − reserved.
 * Reserving and releasing take the item's cost-row lock first, like a posting, so the three
 * take turns per item and never deadlock; the check that what is reserved is there is inside
 * the UPDATE of the warehouse's stock level.
 */
@Injectable()
export class StockReservations {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(StockLedgerRepository) private readonly ledger: StockLedgerRepository,
  ) {}

  /** Holds `quantity` more for the source line (adds to what it holds already). */
  async reserve(input: ReserveInput): Promise<{ reservationId: string; quantity: string }> {
    const { tenantId } = currentPrincipal();
    if (!QUANTITY.test(input.quantity) || decimal(input.quantity).lte(0))
      throw invalid('quantity', 'A quantity greater than zero, up to 6 decimals');
    for (const id of [input.itemId, input.warehouseId, input.sourceId, input.sourceLineId])
      if (!isUuid(id)) throw invalid('itemId', 'Not an id');
    const variantId = input.variantId ?? null;
    await this.ledger.lockItemCosts(tenantId, [{ itemId: input.itemId, variantId }]);
    const tx = this.database.tx();
    const { rows: held } = await tx.execute<{ item_id: string }>(sql`
      update inventory.stock_levels s
         set reserved = s.reserved + ${input.quantity}::numeric, updated_at = now()
       where s.tenant_id = ${tenantId} and s.item_id = ${input.itemId}
         and s.variant_id is not distinct from ${variantId}::uuid
         and s.warehouse_id = ${input.warehouseId}
         and s.on_hand - s.reserved >= ${input.quantity}::numeric
      returning s.item_id`);
    if (held.length === 0)
      throw new DomainError('insufficient_stock', 'Not enough available stock to reserve', {
        issues: [{ path: 'quantity', code: 'insufficient_stock', message: 'Not enough available' }],
      });
    const { rows } = await tx.execute<{ id: string; quantity: string }>(sql`
      insert into inventory.reservations as r
        (tenant_id, id, item_id, variant_id, warehouse_id, source_type, source_id, source_line_id, quantity)
      values (${tenantId}, ${newId()}, ${input.itemId}, ${variantId}, ${input.warehouseId},
              ${input.sourceType}, ${input.sourceId}, ${input.sourceLineId}, ${input.quantity})
      on conflict (tenant_id, source_type, source_line_id, warehouse_id) do update
        set quantity = r.quantity + excluded.quantity, updated_at = now(), version = r.version + 1
      returning r.id, r.quantity::text`);
    return { reservationId: rows[0]!.id, quantity: decimalString(decimal(rows[0]!.quantity)) };
  }

  /** Gives back what a source line holds (all of it, or `quantity`): returns what was released. */
  async release(input: ReleaseInput): Promise<string> {
    const { tenantId } = currentPrincipal();
    if (input.quantity !== undefined && !QUANTITY.test(input.quantity))
      throw invalid('quantity', 'A quantity of zero or more, up to 6 decimals');
    const tx = this.database.tx();
    const { rows: found } = await tx.execute<{ item_id: string; variant_id: string | null }>(sql`
      select distinct item_id, variant_id from inventory.reservations
       where tenant_id = ${tenantId} and source_type = ${input.sourceType}
         and source_line_id = ${input.sourceLineId}`);
    if (found.length === 0) return '0';
    await this.ledger.lockItemCosts(
      tenantId,
      found.map((f) => ({ itemId: f.item_id, variantId: f.variant_id })),
    );
    const { rows } = await tx.execute<{ warehouse_id: string; released: string }>(sql`
      with old as (
        select id, warehouse_id, item_id, variant_id, quantity as held,
               least(quantity, coalesce(${input.quantity ?? null}::numeric, quantity)) as give
          from inventory.reservations
         where tenant_id = ${tenantId} and source_type = ${input.sourceType}
           and source_line_id = ${input.sourceLineId}
         for update
      ), given as (
        update inventory.reservations r
           set quantity = r.quantity - old.give, released = r.released + old.give,
               updated_at = now(), version = r.version + 1
          from old where r.tenant_id = ${tenantId} and r.id = old.id
        returning old.warehouse_id, old.item_id, old.variant_id, old.give
      ), levels as (
        update inventory.stock_levels s
           set reserved = s.reserved - g.give, updated_at = now()
          from given g
         where s.tenant_id = ${tenantId} and s.item_id = g.item_id
           and s.variant_id is not distinct from g.variant_id and s.warehouse_id = g.warehouse_id
        returning s.warehouse_id
      )
      select g.warehouse_id, g.give::text as released from given g, (select count(*) from levels) l`);
    const total = rows.reduce((sum: Decimal, r) => sum.plus(r.released), decimal('0'));
    return decimalString(total);
  }

  /** On hand, reserved and available per warehouse (one warehouse, or all). */
  async availability(q: {
    itemId: string;
    variantId?: string | undefined;
    warehouseId?: string | undefined;
  }): Promise<Availability[]> {
    const { tenantId } = currentPrincipal();
    const { rows } = await this.database.tx().execute<{
      item_id: string;
      variant_id: string | null;
      warehouse_id: string;
      on_hand: string;
      reserved: string;
    }>(sql`
      select item_id, variant_id, warehouse_id, on_hand::text, reserved::text
        from inventory.stock_levels
       where tenant_id = ${tenantId} and item_id = ${q.itemId}
         and (${q.variantId ?? null}::uuid is null or variant_id = ${q.variantId ?? null}::uuid)
         and (${q.warehouseId ?? null}::uuid is null or warehouse_id = ${q.warehouseId ?? null}::uuid)
       order by warehouse_id, variant_id nulls first`);
    return rows.map((r) => {
      const onHand = decimal(r.on_hand);
      const reserved = decimal(r.reserved);
      return {
        itemId: r.item_id,
        variantId: r.variant_id,
        warehouseId: r.warehouse_id,
        onHand: decimalString(onHand),
        reserved: decimalString(reserved),
        available: decimalString(onHand.minus(reserved)),
      };
    });
  }

  /**
   * FEFO: the lots of the item in the warehouse's locations, first-expiring first (no expiry
   * last, then by code), taken in that order until `quantity` is covered.
   */
  async suggestLots(q: {
    itemId: string;
    variantId?: string | undefined;
    warehouseId: string;
    quantity: string;
  }): Promise<{ items: LotSuggestion[]; missing: string }> {
    const { tenantId } = currentPrincipal();
    const { rows } = await this.database.tx().execute<{
      lot_id: string;
      code: string;
      expires_on: string | null;
      location_id: string;
      on_hand: string;
    }>(sql`
      select b.lot_id, l.code, l.expires_on::text, b.location_id, b.on_hand::text
        from inventory.balances b
        join inventory.lots l on l.tenant_id = b.tenant_id and l.id = b.lot_id
        join inventory.locations p on p.tenant_id = b.tenant_id and p.id = b.location_id
       where b.tenant_id = ${tenantId} and b.item_id = ${q.itemId}
         and b.variant_id is not distinct from ${q.variantId ?? null}::uuid
         and b.warehouse_id = ${q.warehouseId} and b.on_hand > 0
       order by l.expires_on nulls last, l.code, p.path
       limit 200`);
    let left = decimal(q.quantity);
    const items: LotSuggestion[] = [];
    for (const r of rows) {
      if (left.lte(0)) break;
      const available = decimal(r.on_hand);
      const take = left.lt(available) ? left : available;
      items.push({
        lotId: r.lot_id,
        code: r.code,
        expiresOn: r.expires_on,
        locationId: r.location_id,
        available: decimalString(available),
        take: decimalString(take),
      });
      left = left.minus(take);
    }
    return { items, missing: decimalString(left.gt(0) ? left : decimal('0')) };
  }
}

const invalid = (path: string, message: string) =>
  new DomainError('invalid_move', message, { issues: [{ path, code: 'invalid', message }] });
