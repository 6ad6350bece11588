import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { TenantDirectory } from '@nexo/tenancy';
import { sql, type SQL } from 'drizzle-orm';
import { NIL_UUID } from './stock-report.policy.js';

/** The filters of the stock report, as SQL receives them. */
export interface StockFilter {
  warehouseId?: string | undefined;
  locationId?: string | undefined;
  itemId?: string | undefined;
  variantId?: string | undefined;
  lotId?: string | undefined;
}

export interface StockRow {
  locationId: string;
  locationPath: string;
  warehouseId: string | null;
  itemId: string;
  variantId: string | null;
  lotId: string | null;
  quantity: string;
  /** Now: the item's unit cost (null without a cost row); at a date: null. */
  unitCost: string | null;
  /** At a date: the summed value; now: null (computed from the unit cost). */
  value: string | null;
}

export interface KardexRow {
  moveId: string;
  effectiveDate: string;
  sourceType: string;
  sourceId: string;
  fromLocationId: string;
  toLocationId: string;
  variantId: string | null;
  lotId: string | null;
  quantity: string;
  unitCost: string;
  value: string;
  balanceQuantity: string;
  balanceValue: string;
}

export interface ItemCostRow {
  itemId: string;
  variantId: string | null;
  quantity: string;
  value: string;
  unitCost: string;
}

export interface LevelRow {
  itemId: string;
  variantId: string | null;
  warehouseId: string;
  onHand: string;
}

export interface SlowMoverRow {
  itemId: string;
  variantId: string | null;
  warehouseId: string;
  quantity: string;
  lastMoveOn: string | null;
  unitCost: string | null;
}

const nil = sql.raw(`'${NIL_UUID}'::uuid`);
const all = (parts: (SQL | undefined | false)[]): SQL =>
  sql.join(
    parts.filter((p): p is SQL => Boolean(p)),
    sql` and `,
  );

/**
 * The reports' reads, each one statement on the request's transaction, tenant first. Stock at
 * a past date and the kardex's opening read the daily summaries, never the whole ledger
 * (erp.md §4); stock now reads the balances.
 */
@Injectable()
export class StockReportRepository {
  private readonly tenants: TenantDirectory;

  constructor(@Inject(Database) private readonly database: Database) {
    this.tenants = new TenantDirectory(database);
  }

  private get tx() {
    return this.database.tx();
  }

  /** The company's base currency: the one of every cost and value of its stock. */
  async companyCurrency(tenantId: string): Promise<string> {
    return (await this.tenants.currentOf(tenantId)).currency;
  }

  /** `location`'s id and the ids of every location under it (by path), of the company. */
  private underLocation(tenantId: string, locationId: string): SQL {
    return sql`(select u.id from inventory.locations u, inventory.locations p
                 where p.tenant_id = ${tenantId} and p.id = ${locationId}
                   and u.tenant_id = ${tenantId}
                   and (u.id = p.id or starts_with(u.path, p.path || '/')))`;
  }

  /** Stock now: the non-zero balances, by location path, item, variant and lot. */
  async stockNow(
    tenantId: string,
    filter: StockFilter,
    after: string[] | undefined,
    limit: number,
  ): Promise<StockRow[]> {
    const where = all([
      sql`b.tenant_id = ${tenantId}`,
      sql`b.on_hand <> 0`,
      filter.warehouseId !== undefined && sql`b.warehouse_id = ${filter.warehouseId}`,
      filter.itemId !== undefined && sql`b.item_id = ${filter.itemId}`,
      filter.variantId !== undefined && sql`b.variant_id = ${filter.variantId}`,
      filter.lotId !== undefined && sql`b.lot_id = ${filter.lotId}`,
      filter.locationId !== undefined &&
        sql`b.location_id in ${this.underLocation(tenantId, filter.locationId)}`,
      after &&
        sql`(l.path, b.item_id, coalesce(b.variant_id, ${nil}), coalesce(b.lot_id, ${nil}))
              > (${after[0]}, ${after[1]}::uuid, ${after[2]}::uuid, ${after[3]}::uuid)`,
    ]);
    const { rows } = await this.tx.execute<Record<string, string | null>>(sql`
      select b.location_id, l.path, b.warehouse_id, b.item_id, b.variant_id, b.lot_id,
             b.on_hand::text as quantity, c.unit_cost::text as unit_cost, null as value
        from inventory.balances b
        join inventory.locations l on l.tenant_id = b.tenant_id and l.id = b.location_id
        left join inventory.item_costs c
          on c.tenant_id = b.tenant_id and c.item_id = b.item_id
         and coalesce(c.variant_id, ${nil}) = coalesce(b.variant_id, ${nil})
       where ${where}
       order by l.path, b.item_id, coalesce(b.variant_id, ${nil}), coalesce(b.lot_id, ${nil})
       limit ${limit}`);
    return rows.map(toStock);
  }

  /**
   * Stock at the end of `day`: the daily changes summed up to it per location, item, variant
   * and lot (what is not zero), by location path, item, variant and lot.
   */
  async stockAt(
    tenantId: string,
    day: string,
    filter: StockFilter,
    after: string[] | undefined,
    limit: number,
  ): Promise<StockRow[]> {
    const where = all([
      sql`d.tenant_id = ${tenantId}`,
      sql`d.day <= ${day}::date`,
      filter.warehouseId !== undefined && sql`d.warehouse_id = ${filter.warehouseId}`,
      filter.itemId !== undefined && sql`d.item_id = ${filter.itemId}`,
      filter.variantId !== undefined && sql`d.variant_id = ${filter.variantId}`,
      filter.lotId !== undefined && sql`d.lot_id = ${filter.lotId}`,
      filter.locationId !== undefined &&
        sql`d.location_id in ${this.underLocation(tenantId, filter.locationId)}`,
    ]);
    const { rows } = await this.tx.execute<Record<string, string | null>>(sql`
      with summed as (
        select d.location_id, d.warehouse_id, d.item_id, d.variant_id, d.lot_id,
               sum(d.quantity) as quantity, sum(d.value) as value
          from inventory.daily_changes d
         where ${where}
         group by d.location_id, d.warehouse_id, d.item_id, d.variant_id, d.lot_id
        having sum(d.quantity) <> 0
      )
      select s.location_id, l.path, s.warehouse_id, s.item_id, s.variant_id, s.lot_id,
             s.quantity::text as quantity, null as unit_cost, s.value::text as value
        from summed s
        join inventory.locations l on l.tenant_id = ${tenantId} and l.id = s.location_id
       ${
         after
           ? sql`where (l.path, s.item_id, coalesce(s.variant_id, ${nil}), coalesce(s.lot_id, ${nil}))
                  > (${after[0]}, ${after[1]}::uuid, ${after[2]}::uuid, ${after[3]}::uuid)`
           : sql``
       }
       order by l.path, s.item_id, coalesce(s.variant_id, ${nil}), coalesce(s.lot_id, ${nil})
       limit ${limit}`);
    return rows.map(toStock);
  }

  /**
   * An item's moves into and out of the scope (the warehouse's locations, or every internal
   * and transit location), from `start` on, with running totals by window. What the scope held
   * before the page (`opening`) is the daily summaries before `start` (the cursor's day) plus
   * that day's moves up to the cursor, so a page reads its own moves, one day's and the
   * item's summaries: never the moves before it, nor all those after it.
   */
  async kardex(
    tenantId: string,
    q: {
      itemId: string;
      variantId?: string | undefined;
      warehouseId?: string | undefined;
      start?: string | undefined;
      to?: string | undefined;
    },
    after: string[] | undefined,
    limit: number,
  ): Promise<{ rows: KardexRow[]; openingQuantity: string; openingValue: string }> {
    const scope =
      q.warehouseId !== undefined
        ? sql`select id from inventory.locations
               where tenant_id = ${tenantId} and warehouse_id = ${q.warehouseId}`
        : sql`select id from inventory.locations
               where tenant_id = ${tenantId} and kind in ('internal', 'transit')`;
    const variant = (alias: string) =>
      q.variantId !== undefined ? sql`and ${sql.raw(alias)}.variant_id = ${q.variantId}` : sql``;
    /** The item's moves into or out of the scope (a move inside it changes nothing), signed. */
    const crossing = (where: SQL) => sql`
      select m.id, m.effective_date, m.source_type, m.source_id, m.from_location_id,
             m.to_location_id, m.variant_id, m.lot_id, m.unit_cost, m.quantity, m.value,
             case when m.to_location_id in (select id from scope) then 1 else -1 end as sign
        from inventory.moves m
       where m.tenant_id = ${tenantId} and m.item_id = ${q.itemId} ${variant('m')}
         and (m.to_location_id in (select id from scope))
             <> (m.from_location_id in (select id from scope))
         and ${where}`;
    // Before the first day asked for: the daily summaries. On a cursor's day, up to it: that
    // day's moves. The page: the next moves by (effective date, id), through the item's index,
    // with the running totals of the page added to that opening.
    const summed =
      q.start !== undefined
        ? sql`select coalesce(sum(d.quantity), 0) as q, coalesce(sum(d.value), 0) as v
                from inventory.daily_changes d
               where d.tenant_id = ${tenantId} and d.item_id = ${q.itemId} ${variant('d')}
                 and d.day < ${q.start}::date and d.location_id in (select id from scope)`
        : sql`select 0::numeric as q, 0::numeric as v`;
    const sameDay = after
      ? sql`select coalesce(sum(c.sign * c.quantity), 0) as q, coalesce(sum(c.sign * c.value), 0) as v
              from (${crossing(
                sql`m.effective_date = ${after[0]}::date and m.id <= ${after[1]}::uuid`,
              )}) c`
      : sql`select 0::numeric as q, 0::numeric as v`;
    const next = after
      ? sql`(m.effective_date, m.id) > (${after[0]}::date, ${after[1]}::uuid)`
      : q.start !== undefined
        ? sql`m.effective_date >= ${q.start}::date`
        : sql`true`;
    const until = q.to !== undefined ? sql`and m.effective_date <= ${q.to}::date` : sql``;
    const { rows } = await this.tx.execute<Record<string, string | null>>(sql`
      with scope as materialized (${scope}),
      opening as (
        select s.q + d.q as q, s.v + d.v as v from (${summed}) s, (${sameDay}) d
      ),
      page as (
        ${crossing(sql`${next} ${until}`)}
        order by m.effective_date, m.id
        limit ${limit}
      ),
      run as (
        select p.*, p.sign * p.quantity as dq, p.sign * p.value as dv,
               sum(p.sign * p.quantity) over w as rq, sum(p.sign * p.value) over w as rv
          from page p
        window w as (order by p.effective_date, p.id rows between unbounded preceding and current row)
      )
      select null as id, null as effective_date, null as source_type, null as source_id,
             null as from_location_id, null as to_location_id, null as variant_id, null as lot_id,
             null as quantity, null as unit_cost, null as value,
             o.q::text as balance_quantity, o.v::text as balance_value, 0 as head_row
        from opening o
      union all
      select r.id, r.effective_date::text, r.source_type, r.source_id, r.from_location_id,
             r.to_location_id, r.variant_id, r.lot_id, r.dq::text, r.unit_cost::text, r.dv::text,
             (o.q + r.rq)::text, (o.v + r.rv)::text, 1
        from run r, opening o
       order by head_row, effective_date, id`);
    const [head, ...moves] = rows;
    return {
      openingQuantity: head?.balance_quantity ?? '0',
      openingValue: head?.balance_value ?? '0',
      rows: moves.map((r) => ({
        moveId: r.id as string,
        effectiveDate: r.effective_date as string,
        sourceType: r.source_type as string,
        sourceId: r.source_id as string,
        fromLocationId: r.from_location_id as string,
        toLocationId: r.to_location_id as string,
        variantId: r.variant_id ?? null,
        lotId: r.lot_id ?? null,
        quantity: r.quantity as string,
        unitCost: r.unit_cost as string,
        value: r.value as string,
        balanceQuantity: r.balance_quantity as string,
        balanceValue: r.balance_value as string,
      })),
    };
  }

  /** The company's valued stock per item (variant): what is not all zero, by item. */
  async itemCosts(tenantId: string, itemId: string | undefined): Promise<ItemCostRow[]> {
    const { rows } = await this.tx.execute<Record<string, string | null>>(sql`
      select item_id, variant_id, quantity::text, value::text, unit_cost::text
        from inventory.item_costs
       where tenant_id = ${tenantId} and (quantity <> 0 or value <> 0)
         ${itemId !== undefined ? sql`and item_id = ${itemId}` : sql``}
       order by item_id, coalesce(variant_id, ${nil})`);
    return rows.map((r) => ({
      itemId: r.item_id as string,
      variantId: r.variant_id ?? null,
      quantity: r.quantity as string,
      value: r.value as string,
      unitCost: r.unit_cost as string,
    }));
  }

  /** On hand per item (variant) and warehouse, what is not zero. */
  async levels(tenantId: string, itemId: string | undefined): Promise<LevelRow[]> {
    const { rows } = await this.tx.execute<Record<string, string | null>>(sql`
      select item_id, variant_id, warehouse_id, on_hand::text
        from inventory.stock_levels
       where tenant_id = ${tenantId} and on_hand <> 0
         ${itemId !== undefined ? sql`and item_id = ${itemId}` : sql``}`);
    return rows.map((r) => ({
      itemId: r.item_id as string,
      variantId: r.variant_id ?? null,
      warehouseId: r.warehouse_id as string,
      onHand: r.on_hand as string,
    }));
  }

  /**
   * Stock levels with stock on hand and no move since before `before` (or none ever), oldest
   * first, with the item's unit cost.
   */
  async slowMovers(
    tenantId: string,
    before: string,
    warehouseId: string | undefined,
    after: string[] | undefined,
    limit: number,
  ): Promise<SlowMoverRow[]> {
    const since = sql`coalesce(s.last_move_on, '0001-01-01'::date)`;
    const where = all([
      sql`s.tenant_id = ${tenantId}`,
      sql`s.on_hand > 0`,
      sql`(s.last_move_on is null or s.last_move_on < ${before}::date)`,
      warehouseId !== undefined && sql`s.warehouse_id = ${warehouseId}`,
      after &&
        sql`(${since}, s.item_id, coalesce(s.variant_id, ${nil}), s.warehouse_id)
              > (${after[0]}::date, ${after[1]}::uuid, ${after[2]}::uuid, ${after[3]}::uuid)`,
    ]);
    const { rows } = await this.tx.execute<Record<string, string | null>>(sql`
      select s.item_id, s.variant_id, s.warehouse_id, s.on_hand::text as quantity,
             s.last_move_on::text as last_move_on, c.unit_cost::text as unit_cost
        from inventory.stock_levels s
        left join inventory.item_costs c
          on c.tenant_id = s.tenant_id and c.item_id = s.item_id
         and coalesce(c.variant_id, ${nil}) = coalesce(s.variant_id, ${nil})
       where ${where}
       order by ${since}, s.item_id, coalesce(s.variant_id, ${nil}), s.warehouse_id
       limit ${limit}`);
    return rows.map((r) => ({
      itemId: r.item_id as string,
      variantId: r.variant_id ?? null,
      warehouseId: r.warehouse_id as string,
      quantity: r.quantity as string,
      lastMoveOn: r.last_move_on ?? null,
      unitCost: r.unit_cost ?? null,
    }));
  }
}

function toStock(r: Record<string, string | null>): StockRow {
  return {
    locationId: r.location_id as string,
    locationPath: r.path as string,
    warehouseId: r.warehouse_id ?? null,
    itemId: r.item_id as string,
    variantId: r.variant_id ?? null,
    lotId: r.lot_id ?? null,
    quantity: r.quantity as string,
    unitCost: r.unit_cost ?? null,
    value: r.value ?? null,
  };
}
