import { DomainError } from '@nexo/platform';
import { useTestDatabase } from '@nexo/testing';
import { decimal, decimalString } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { stockCompany, type StockCompany } from '../testing/stock-ledger.fixture.js';

/**
 * The proof erp.md §4 asks for: concurrent issues of one item and lot from a location holding
 * less than they ask, with negative stock off. Each issue is its own transaction, as fifty
 * deliveries confirmed at once would be.
 */
describe('stock posting under concurrency', () => {
  const db = useTestDatabase();
  const ISSUES = 50;
  const EACH = '3';

  async function issueConcurrently(c: StockCompany, itemId: string, lotId: string) {
    const results = await Promise.all(
      Array.from({ length: ISSUES }, () =>
        c
          .post([
            {
              itemId,
              lotId,
              fromLocationId: c.stock.a,
              toLocationId: c.place.customer,
              quantity: EACH,
            },
          ])
          .then(
            (moves) => ({ ok: true as const, value: moves[0]!.value }),
            (e: unknown) => ({ ok: false as const, code: e instanceof DomainError ? e.code : e }),
          ),
      ),
    );
    return {
      accepted: results.filter((r) => r.ok),
      refused: results.filter((r) => !r.ok),
    };
  }

  /** The balance table against the ledger summed, per location and lot. */
  async function ledgerAndBalances(c: StockCompany, itemId: string) {
    const ledger = await c.rows<{ location_id: string; quantity: string }>(sql`
      select location_id, trim_scale(sum(q))::text as quantity from (
        select to_location_id as location_id, quantity as q from inventory.moves where item_id = ${itemId}
        union all
        select from_location_id, -quantity from inventory.moves where item_id = ${itemId}
      ) m join inventory.locations l on l.id = m.location_id and l.kind in ('internal', 'transit')
      group by location_id order by location_id`);
    const balances = await c.rows<{ location_id: string; quantity: string }>(sql`
      select location_id, trim_scale(sum(on_hand))::text as quantity from inventory.balances
       where item_id = ${itemId} group by location_id order by location_id`);
    return { ledger, balances };
  }

  it('never takes on hand below zero: the accepted issues sum to what was there', async () => {
    const c = await stockCompany(db.current.database);
    const item = await c.item({ tracking: 'lot' });
    const lot = await c.lot(item.id, 'L-CONC', '2027-03-01');
    await c.post([
      {
        itemId: item.id,
        lotId: lot.id,
        fromLocationId: c.place.supplier,
        toLocationId: c.stock.a,
        quantity: '91',
        unitCost: '2',
      },
    ]);
    const { accepted, refused } = await issueConcurrently(c, item.id, lot.id);
    // 91 units, 3 at a time: 30 issues fit (90), one unit stays, 20 are refused.
    expect(accepted).toHaveLength(30);
    expect(refused).toHaveLength(20);
    expect(new Set(refused.map((r) => r.code))).toEqual(new Set(['insufficient_stock']));
    const [balance] = await c.rows<{ on_hand: string; min: string }>(sql`
      select trim_scale(on_hand)::text as on_hand from inventory.balances
       where item_id = ${item.id} and lot_id = ${lot.id} and location_id = ${c.stock.a}`);
    expect(balance!.on_hand).toBe('1');
    const { ledger, balances } = await ledgerAndBalances(c, item.id);
    expect(balances).toEqual(ledger);
    const [level] = await c.rows<{ on_hand: string }>(sql`
      select trim_scale(on_hand)::text as on_hand from inventory.stock_levels where item_id = ${item.id}`);
    expect(level!.on_hand).toBe('1');
  });

  it('under FIFO, the layers consumed equal the cost of the moves to the cent', async () => {
    const c = await stockCompany(db.current.database, { valuation: 'fifo' });
    const item = await c.item({ tracking: 'lot' });
    const lot = await c.lot(item.id, 'L-FIFO');
    // Three layers of 30 whose costs do not divide evenly: 33.30, 66.75, 100.11.
    for (const unitCost of ['1.11', '2.225', '3.337'])
      await c.post([
        {
          itemId: item.id,
          lotId: lot.id,
          fromLocationId: c.place.supplier,
          toLocationId: c.stock.a,
          quantity: '30',
          unitCost,
        },
      ]);
    const { accepted, refused } = await issueConcurrently(c, item.id, lot.id);
    expect(accepted).toHaveLength(30);
    expect(refused.every((r) => r.code === 'insufficient_stock')).toBe(true);
    const issued = accepted.reduce((sum, r) => sum.plus(r.value), decimal('0'));
    expect(decimalString(issued)).toBe('200.16');
    const [layers] = await c.rows<{ value: string; remaining: string; left: string }>(sql`
      select trim_scale(sum(value))::text as value, trim_scale(sum(remaining_value))::text as remaining,
             trim_scale(sum(remaining_quantity))::text as left
        from inventory.cost_layers where item_id = ${item.id}`);
    expect(layers).toEqual({ value: '200.16', remaining: '0', left: '0' });
    // Each move's value is exactly what it took from the layers.
    const mismatched = await c.rows(sql`
      select m.id from inventory.moves m
        left join inventory.layer_consumptions lc on lc.move_id = m.id
       where m.item_id = ${item.id} and m.to_location_id = ${c.place.customer}
       group by m.id, m.value having m.value <> coalesce(sum(lc.value), 0)`);
    expect(mismatched).toEqual([]);
    const [costs] = await c.rows<{ quantity: string; value: string }>(sql`
      select trim_scale(quantity)::text as quantity, trim_scale(value)::text as value
        from inventory.item_costs where item_id = ${item.id}`);
    expect(costs).toEqual({ quantity: '0', value: '0' });
  });
});
