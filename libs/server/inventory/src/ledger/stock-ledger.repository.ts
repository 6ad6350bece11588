import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { sql } from 'drizzle-orm';

/** One row per key for the statements below; sent as one JSON parameter. */
const rows = (values: readonly object[]) => sql`${JSON.stringify(values)}::jsonb`;

export interface CostRow {
  itemId: string;
  variantId: string | null;
  quantity: string;
  value: string;
  unitCost: string;
}

export interface LayerRow {
  id: string;
  moveId: string;
  itemId: string;
  variantId: string | null;
  remainingQuantity: string;
  remainingValue: string;
  unitCost: string;
}

export interface LevelDelta {
  itemId: string;
  variantId: string | null;
  warehouseId: string;
  allowNegative: boolean;
  delta: string;
  unreserve: string;
  day: string;
}

export interface BalanceDelta {
  itemId: string;
  variantId: string | null;
  locationId: string;
  lotId: string | null;
  warehouseId: string | null;
  allowNegative: boolean;
  serial: boolean;
  delta: string;
}

export interface MoveRow {
  id: string;
  itemId: string;
  variantId: string | null;
  lotId: string | null;
  fromLocationId: string;
  toLocationId: string;
  quantity: string;
  unitCost: string;
  value: string;
  effectiveDate: string;
  sourceType: string;
  sourceId: string;
  sourceLineId: string | null;
  reversesMoveId: string | null;
}

const KEY = (k: { itemId: string; variantId?: string | null }) =>
  `${k.itemId}:${k.variantId ?? ''}`;
export const itemKey = KEY;

/**
 * The posting's statements, each one round trip whatever the number of lines. Every key set is
 * sent sorted, so two postings lock rows in the same order and never deadlock; the locks that
 * order everything are the item-cost rows, taken first.
 */
@Injectable()
export class StockLedgerRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  private get tx() {
    return this.database.tx();
  }

  async lots(tenantId: string, ids: readonly string[]) {
    if (ids.length === 0) return new Map<string, { itemId: string; tracking: string }>();
    const { rows: found } = await this.tx.execute<{
      id: string;
      item_id: string;
      tracking: string;
    }>(sql`select id, item_id, tracking from inventory.lots
            where tenant_id = ${tenantId} and id = any(${`{${ids.join(',')}}`}::uuid[])`);
    return new Map(found.map((r) => [r.id, { itemId: r.item_id, tracking: r.tracking }]));
  }

  /**
   * Locks the item-cost rows of `keys` (creating the missing ones) in key order and returns
   * them: the one lock every posting and reservation of an item takes first.
   */
  async lockItemCosts(
    tenantId: string,
    keys: readonly { itemId: string; variantId: string | null }[],
  ): Promise<Map<string, CostRow>> {
    const { rows: found } = await this.tx.execute<{
      item_id: string;
      variant_id: string | null;
      quantity: string;
      value: string;
      unit_cost: string;
    }>(sql`
      insert into inventory.item_costs as c (tenant_id, item_id, variant_id)
      select ${tenantId}::uuid, k."itemId", k."variantId"
        from jsonb_to_recordset(${rows(keys)}) as k("itemId" uuid, "variantId" uuid)
       order by k."itemId", k."variantId" nulls first
      on conflict on constraint item_costs_key do update set updated_at = c.updated_at
      returning c.item_id, c.variant_id, c.quantity::text, c.value::text, c.unit_cost::text`);
    return new Map(
      found.map((r) => {
        const row = {
          itemId: r.item_id,
          variantId: r.variant_id,
          quantity: r.quantity,
          value: r.value,
          unitCost: r.unit_cost,
        };
        return [KEY(row), row];
      }),
    );
  }

  async openLayers(
    tenantId: string,
    keys: readonly { itemId: string; variantId: string | null }[],
  ): Promise<LayerRow[]> {
    if (keys.length === 0) return [];
    const { rows: found } = await this.tx.execute<{
      id: string;
      move_id: string;
      item_id: string;
      variant_id: string | null;
      remaining_quantity: string;
      remaining_value: string;
      unit_cost: string;
    }>(sql`
      select l.id, l.move_id, l.item_id, l.variant_id, l.remaining_quantity::text,
             l.remaining_value::text, l.unit_cost::text
        from jsonb_to_recordset(${rows(keys)}) as k("itemId" uuid, "variantId" uuid)
        join inventory.cost_layers l
          on l.tenant_id = ${tenantId} and l.item_id = k."itemId"
         and l.variant_id is not distinct from k."variantId" and l.remaining_quantity > 0
       order by l.item_id, l.variant_id, l.id`);
    return found.map((r) => ({
      id: r.id,
      moveId: r.move_id,
      itemId: r.item_id,
      variantId: r.variant_id,
      remainingQuantity: r.remaining_quantity,
      remainingValue: r.remaining_value,
      unitCost: r.unit_cost,
    }));
  }

  /**
   * Takes what a move consumes from its reservation: at most what the reservation still holds.
   * Returns how much was taken per source line and warehouse.
   */
  async consumeReservations(
    tenantId: string,
    takes: readonly {
      sourceType: string;
      sourceLineId: string;
      warehouseId: string;
      quantity: string;
    }[],
  ) {
    if (takes.length === 0) return [];
    const { rows: found } = await this.tx.execute<{
      source_type: string;
      source_line_id: string;
      warehouse_id: string;
      taken: string;
    }>(sql`
      with wanted as (
        select t."sourceType", t."sourceLineId", t."warehouseId", sum(t.quantity) as quantity
          from jsonb_to_recordset(${rows(takes)})
               as t("sourceType" text, "sourceLineId" uuid, "warehouseId" uuid, quantity numeric)
         group by 1, 2, 3
      ), old as (
        select r.id, r.quantity as held, w.quantity as wanted
          from wanted w
          join inventory.reservations r
            on r.tenant_id = ${tenantId} and r.source_type = w."sourceType"
           and r.source_line_id = w."sourceLineId" and r.warehouse_id = w."warehouseId"
         order by r.id
           for update of r
      )
      update inventory.reservations r
         set quantity = r.quantity - least(old.held, old.wanted),
             consumed = r.consumed + least(old.held, old.wanted),
             updated_at = now(), version = r.version + 1
        from old
       where r.tenant_id = ${tenantId} and r.id = old.id
      returning r.source_type, r.source_line_id, r.warehouse_id,
                least(old.held, old.wanted)::text as taken`);
    return found.map((r) => ({
      sourceType: r.source_type,
      sourceLineId: r.source_line_id,
      warehouseId: r.warehouse_id,
      taken: r.taken,
    }));
  }

  /**
   * Moves the warehouses' on hand (and what reservations it consumed out of reserved). A row
   * whose warehouse forbids negative stock is updated only when what stays covers what other
   * reservations hold; the keys not returned are the refused ones. The CHECK is the backstop.
   */
  async applyLevels(tenantId: string, deltas: readonly LevelDelta[]) {
    if (deltas.length === 0) return new Set<string>();
    await this.tx.execute(sql`
      insert into inventory.stock_levels (tenant_id, item_id, variant_id, warehouse_id, allow_negative)
      select ${tenantId}::uuid, d."itemId", d."variantId", d."warehouseId", d."allowNegative"
        from jsonb_to_recordset(${rows(deltas)})
             as d("itemId" uuid, "variantId" uuid, "warehouseId" uuid, "allowNegative" boolean)
       order by d."itemId", d."variantId" nulls first, d."warehouseId"
      on conflict on constraint stock_levels_key do nothing`);
    const { rows: updated } = await this.tx.execute<{
      item_id: string;
      variant_id: string | null;
      warehouse_id: string;
    }>(sql`
      update inventory.stock_levels s
         set on_hand = s.on_hand + d.delta,
             reserved = s.reserved - d.unreserve,
             last_move_on = greatest(s.last_move_on, d.day),
             updated_at = now()
        from jsonb_to_recordset(${rows(deltas)})
             as d("itemId" uuid, "variantId" uuid, "warehouseId" uuid, delta numeric,
                  unreserve numeric, day date)
       where s.tenant_id = ${tenantId} and s.item_id = d."itemId"
         and s.variant_id is not distinct from d."variantId" and s.warehouse_id = d."warehouseId"
         and (s.allow_negative or d.delta >= 0
              or s.on_hand + d.delta >= s.reserved - d.unreserve)
      returning s.item_id, s.variant_id, s.warehouse_id`);
    return new Set(updated.map((r) => `${r.item_id}:${r.variant_id ?? ''}:${r.warehouse_id}`));
  }

  /**
   * Moves on hand per location and lot: decreases first, then increases, so a serial leaving
   * one location is gone before it arrives in the next (its one-place index never sees it
   * twice). Returns the keys a decrease refused for lack of stock.
   */
  async applyBalances(tenantId: string, deltas: readonly BalanceDelta[]) {
    if (deltas.length === 0) return [];
    await this.tx.execute(sql`
      insert into inventory.balances
        (tenant_id, item_id, variant_id, location_id, lot_id, warehouse_id, allow_negative, serial)
      select ${tenantId}::uuid, d."itemId", d."variantId", d."locationId", d."lotId",
             d."warehouseId", d."allowNegative", d.serial
        from jsonb_to_recordset(${rows(deltas)})
             as d("itemId" uuid, "variantId" uuid, "locationId" uuid, "lotId" uuid,
                  "warehouseId" uuid, "allowNegative" boolean, serial boolean)
       order by d."itemId", d."variantId" nulls first, d."locationId", d."lotId" nulls first
      on conflict on constraint balances_key do nothing`);
    const apply = (part: readonly BalanceDelta[], guard: boolean) =>
      this.tx.execute<{ item_id: string; location_id: string; lot_id: string | null }>(sql`
        update inventory.balances b
           set on_hand = b.on_hand + d.delta, updated_at = now()
          from jsonb_to_recordset(${rows(part)})
               as d("itemId" uuid, "variantId" uuid, "locationId" uuid, "lotId" uuid, delta numeric)
         where b.tenant_id = ${tenantId} and b.item_id = d."itemId"
           and b.variant_id is not distinct from d."variantId" and b.location_id = d."locationId"
           and b.lot_id is not distinct from d."lotId"
           and (${!guard} or b.allow_negative or b.on_hand + d.delta >= 0)
        returning b.item_id, b.location_id, b.lot_id`);
    const out = deltas.filter((d) => d.delta.startsWith('-'));
    const refused: BalanceDelta[] = [];
    if (out.length > 0) {
      const { rows: done } = await apply(out, true);
      const ok = new Set(done.map((r) => `${r.item_id}:${r.location_id}:${r.lot_id ?? ''}`));
      for (const d of out)
        if (!ok.has(`${d.itemId}:${d.locationId}:${d.lotId ?? ''}`)) refused.push(d);
      if (refused.length > 0) return refused;
    }
    const inward = deltas.filter((d) => !d.delta.startsWith('-') && d.delta !== '0');
    if (inward.length > 0) await apply(inward, false);
    return refused;
  }

  async insertMoves(tenantId: string, postedBy: string | null, moves: readonly MoveRow[]) {
    await this.tx.execute(sql`
      insert into inventory.moves
        (tenant_id, id, item_id, variant_id, lot_id, from_location_id, to_location_id, quantity,
         unit_cost, value, effective_date, posted_by, source_type, source_id, source_line_id,
         reverses_move_id)
      select ${tenantId}::uuid, m.id, m."itemId", m."variantId", m."lotId", m."fromLocationId",
             m."toLocationId", m.quantity, m."unitCost", m.value, m."effectiveDate",
             ${postedBy}::uuid, m."sourceType", m."sourceId", m."sourceLineId", m."reversesMoveId"
        from jsonb_to_recordset(${rows(moves)})
             as m(id uuid, "itemId" uuid, "variantId" uuid, "lotId" uuid, "fromLocationId" uuid,
                  "toLocationId" uuid, quantity numeric, "unitCost" numeric, value numeric,
                  "effectiveDate" date, "sourceType" text, "sourceId" uuid, "sourceLineId" uuid,
                  "reversesMoveId" uuid)`);
  }

  async insertLayers(
    tenantId: string,
    layers: readonly {
      id: string;
      itemId: string;
      variantId: string | null;
      moveId: string;
      quantity: string;
      unitCost: string;
      value: string;
    }[],
  ) {
    if (layers.length === 0) return;
    await this.tx.execute(sql`
      insert into inventory.cost_layers
        (tenant_id, id, item_id, variant_id, move_id, quantity, unit_cost, value,
         remaining_quantity, remaining_value)
      select ${tenantId}::uuid, l.id, l."itemId", l."variantId", l."moveId", l.quantity,
             l."unitCost", l.value, l.quantity, l.value
        from jsonb_to_recordset(${rows(layers)})
             as l(id uuid, "itemId" uuid, "variantId" uuid, "moveId" uuid, quantity numeric,
                  "unitCost" numeric, value numeric)`);
  }

  /** Records what each move took from each layer, and takes it off the layers. */
  async consumeLayers(
    tenantId: string,
    takes: readonly { moveId: string; layerId: string; quantity: string; value: string }[],
  ) {
    if (takes.length === 0) return;
    await this.tx.execute(sql`
      insert into inventory.layer_consumptions (tenant_id, move_id, layer_id, quantity, value)
      select ${tenantId}::uuid, t."moveId", t."layerId", t.quantity, t.value
        from jsonb_to_recordset(${rows(takes)})
             as t("moveId" uuid, "layerId" uuid, quantity numeric, value numeric)`);
    await this.tx.execute(sql`
      update inventory.cost_layers l
         set remaining_quantity = l.remaining_quantity - t.quantity,
             remaining_value = l.remaining_value - t.value
        from (select t."layerId", sum(t.quantity) as quantity, sum(t.value) as value
                from jsonb_to_recordset(${rows(takes)})
                     as t("layerId" uuid, quantity numeric, value numeric)
               group by 1) t
       where l.tenant_id = ${tenantId} and l.id = t."layerId"`);
  }

  async saveItemCosts(tenantId: string, costs: readonly CostRow[]) {
    if (costs.length === 0) return;
    await this.tx.execute(sql`
      update inventory.item_costs c
         set quantity = k.quantity, value = k.value, unit_cost = k."unitCost", updated_at = now()
        from jsonb_to_recordset(${rows(costs)})
             as k("itemId" uuid, "variantId" uuid, quantity numeric, value numeric, "unitCost" numeric)
       where c.tenant_id = ${tenantId} and c.item_id = k."itemId"
         and c.variant_id is not distinct from k."variantId"`);
  }

  async addDailyChanges(
    tenantId: string,
    changes: readonly {
      locationId: string;
      warehouseId: string | null;
      itemId: string;
      variantId: string | null;
      lotId: string | null;
      day: string;
      quantity: string;
      value: string;
    }[],
  ) {
    if (changes.length === 0) return;
    await this.tx.execute(sql`
      insert into inventory.daily_changes as c
        (tenant_id, location_id, warehouse_id, item_id, variant_id, lot_id, day, quantity, value)
      select ${tenantId}::uuid, d."locationId", d."warehouseId", d."itemId", d."variantId",
             d."lotId", d.day, sum(d.quantity), sum(d.value)
        from jsonb_to_recordset(${rows(changes)})
             as d("locationId" uuid, "warehouseId" uuid, "itemId" uuid, "variantId" uuid,
                  "lotId" uuid, day date, quantity numeric, value numeric)
       group by 2, 3, 4, 5, 6, 7
       order by 2, 4, 5 nulls first, 6 nulls first, 7
      on conflict on constraint daily_changes_key do update
        set quantity = c.quantity + excluded.quantity, value = c.value + excluded.value`);
  }

  async movesOf(tenantId: string, ids: readonly string[]): Promise<MoveRow[]> {
    const { rows: found } = await this.tx.execute<Record<string, string | null>>(sql`
      select id, item_id, variant_id, lot_id, from_location_id, to_location_id,
             quantity::text, unit_cost::text, value::text, effective_date::text, source_type,
             source_id, source_line_id, reverses_move_id
        from inventory.moves
       where tenant_id = ${tenantId} and id = any(${`{${ids.join(',')}}`}::uuid[])`);
    return found.map(toMove);
  }

  async movesOfSource(tenantId: string, sourceType: string, sourceId: string) {
    const { rows: found } = await this.tx.execute<Record<string, string | null>>(sql`
      select id, item_id, variant_id, lot_id, from_location_id, to_location_id,
             quantity::text, unit_cost::text, value::text, effective_date::text, source_type,
             source_id, source_line_id, reverses_move_id
        from inventory.moves
       where tenant_id = ${tenantId} and source_type = ${sourceType} and source_id = ${sourceId}
       order by id`);
    return found.map(toMove);
  }

  /** The ids among `ids` that a move already reverses. */
  async reversed(tenantId: string, ids: readonly string[]) {
    const { rows: found } = await this.tx.execute<{ reverses_move_id: string }>(sql`
      select reverses_move_id from inventory.moves
       where tenant_id = ${tenantId}
         and reverses_move_id = any(${`{${ids.join(',')}}`}::uuid[])`);
    return new Set(found.map((r) => r.reverses_move_id));
  }
}

function toMove(r: Record<string, string | null>): MoveRow {
  return {
    id: r.id!,
    itemId: r.item_id!,
    variantId: r.variant_id ?? null,
    lotId: r.lot_id ?? null,
    fromLocationId: r.from_location_id!,
    toLocationId: r.to_location_id!,
    quantity: r.quantity!,
    unitCost: r.unit_cost!,
    value: r.value!,
    effectiveDate: r.effective_date!,
    sourceType: r.source_type!,
    sourceId: r.source_id!,
    sourceLineId: r.source_line_id ?? null,
    reversesMoveId: r.reverses_move_id ?? null,
  };
}
