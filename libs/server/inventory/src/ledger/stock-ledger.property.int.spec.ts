import { DomainError } from '@nexo/platform';
import { useTestDatabase } from '@nexo/testing';
import { type Decimal, decimal, decimalString } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stockCompany, type StockCompany } from '../testing/stock-ledger.fixture.js';

/**
 * Random sequences of receipts, issues, transfers and adjustments through the real posting
 * service, checked against a reference model written the plain way: a queue of layers for
 * FIFO, a running quantity and value for the average. After every sequence the balance table
 * equals the ledger summed, and the company's value equals the model's, to the cent.
 */
type Step =
  | { kind: 'receive'; at: 'a' | 'b'; quantity: number; cost: string }
  | { kind: 'issue'; at: 'a' | 'b'; quantity: number }
  | { kind: 'transfer'; from: 'a' | 'b'; quantity: number }
  | { kind: 'adjust'; at: 'a' | 'b'; quantity: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('receive' as const),
    at: fc.constantFrom('a' as const, 'b' as const),
    quantity: fc.integer({ min: 1, max: 20 }),
    cost: fc.integer({ min: 1, max: 99_999 }).map((c) => decimal(String(c)).div(1000).toFixed(3)),
  }),
  fc.record({
    kind: fc.constant('issue' as const),
    at: fc.constantFrom('a' as const, 'b' as const),
    quantity: fc.integer({ min: 1, max: 15 }),
  }),
  fc.record({
    kind: fc.constant('transfer' as const),
    from: fc.constantFrom('a' as const, 'b' as const),
    quantity: fc.integer({ min: 1, max: 10 }),
  }),
  fc.record({
    kind: fc.constant('adjust' as const),
    at: fc.constantFrom('a' as const, 'b' as const),
    quantity: fc.integer({ min: -5, max: 5 }).filter((q) => q !== 0),
  }),
);

/** The reference: quantities per place, and the company's value by the chosen method. */
class Model {
  readonly at = { a: decimal('0'), b: decimal('0') };
  quantity = decimal('0');
  value = decimal('0');
  lastCost = decimal('0');
  layers: { quantity: Decimal; value: Decimal; cost: Decimal }[] = [];
  constructor(readonly fifo: boolean) {}

  canTake(place: 'a' | 'b', q: Decimal) {
    return this.at[place].gte(q);
  }
  receive(place: 'a' | 'b', q: Decimal, cost: Decimal) {
    const value = cost.times(q).toDecimalPlaces(2, 4);
    this.at[place] = this.at[place].plus(q);
    this.quantity = this.quantity.plus(q);
    this.value = this.value.plus(value);
    this.layers.push({ quantity: q, value, cost });
    this.lastCost = this.quantity.isZero()
      ? this.lastCost
      : this.value.div(this.quantity).toDecimalPlaces(6, 4);
    return value;
  }
  issue(place: 'a' | 'b', q: Decimal) {
    let value = decimal('0');
    if (this.fifo) {
      let left = q;
      while (left.gt(0)) {
        const layer = this.layers[0]!;
        const take = left.lt(layer.quantity) ? left : layer.quantity;
        const v = take.eq(layer.quantity)
          ? layer.value
          : take.times(layer.cost).toDecimalPlaces(2, 4);
        layer.quantity = layer.quantity.minus(take);
        layer.value = layer.value.minus(v);
        if (layer.quantity.isZero()) this.layers.shift();
        value = value.plus(v);
        left = left.minus(take);
      }
    } else {
      value = q.eq(this.quantity)
        ? this.value
        : q.times(this.value).div(this.quantity).toDecimalPlaces(2, 4);
    }
    this.at[place] = this.at[place].minus(q);
    this.quantity = this.quantity.minus(q);
    this.value = this.value.minus(value);
    if (!this.quantity.isZero())
      this.lastCost = this.value.div(this.quantity).toDecimalPlaces(6, 4);
    return value;
  }
}

async function run(c: StockCompany, itemId: string, steps: Step[], model: Model) {
  const place = { a: c.stock.a, b: c.stock.b };
  const move = (from: string, to: string, q: number, unitCost?: string) =>
    c.post([
      {
        itemId,
        fromLocationId: from,
        toLocationId: to,
        quantity: String(q),
        ...(unitCost ? { unitCost } : {}),
      },
    ]);
  for (const s of steps) {
    if (s.kind === 'receive') {
      const [m] = await move(c.place.supplier, place[s.at], s.quantity, s.cost);
      expect(m!.value).toBe(
        decimalString(model.receive(s.at, decimal(String(s.quantity)), decimal(s.cost))),
      );
      continue;
    }
    const q = decimal(String(Math.abs(s.quantity)));
    const from = s.kind === 'transfer' ? s.from : s.at;
    const outward = s.kind === 'issue' || (s.kind === 'adjust' && s.quantity < 0);
    const to =
      s.kind === 'transfer'
        ? place[s.from === 'a' ? 'b' : 'a']
        : s.kind === 'issue'
          ? c.place.customer
          : c.place.adjustment;
    if (s.kind === 'adjust' && s.quantity > 0) {
      // Found stock comes in at the current cost.
      const [m] = await move(c.place.adjustment, place[s.at], s.quantity);
      expect(m!.value).toBe(decimalString(model.receive(s.at, q, decimal(m!.unitCost))));
      continue;
    }
    const refused = !model.canTake(from, q);
    const result = await move(place[from], to, Math.abs(s.quantity)).then(
      (moves) => moves[0]!,
      (e: unknown) => {
        if (e instanceof DomainError && e.code === 'insufficient_stock') return null;
        throw e;
      },
    );
    expect(result === null).toBe(refused);
    if (!result) continue;
    if (outward) expect(result.value).toBe(decimalString(model.issue(from, q)));
    else {
      model.at[from] = model.at[from].minus(q);
      const other = from === 'a' ? 'b' : 'a';
      model.at[other] = model.at[other].plus(q);
    }
  }
}

describe('stock ledger properties', () => {
  const db = useTestDatabase();

  for (const method of ['average', 'fifo'] as const)
    it(`balances equal the ledger and ${method} valuation equals the model`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
          const c = await stockCompany(db.current.database, { valuation: method });
          const item = await c.item();
          const model = new Model(method === 'fifo');
          await run(c, item.id, steps, model);

          const balances = await c.rows<{ location_id: string; on_hand: string }>(sql`
            select location_id, trim_scale(on_hand)::text as on_hand from inventory.balances
             where item_id = ${item.id} order by location_id`);
          const ledger = await c.rows<{ location_id: string; on_hand: string }>(sql`
            select location_id, trim_scale(sum(q))::text as on_hand from (
              select to_location_id as location_id, quantity as q from inventory.moves where item_id = ${item.id}
              union all
              select from_location_id, -quantity from inventory.moves where item_id = ${item.id}
            ) m where location_id in (${c.stock.a}, ${c.stock.b})
            group by location_id order by location_id`);
          expect(balances).toEqual(ledger);
          for (const p of ['a', 'b'] as const) {
            const row = balances.find((b) => b.location_id === c.stock[p]);
            expect(row?.on_hand ?? '0').toBe(decimalString(model.at[p]));
          }
          const [costs] = await c.rows<{ quantity: string; value: string }>(sql`
            select trim_scale(quantity)::text as quantity, trim_scale(value)::text as value
              from inventory.item_costs where item_id = ${item.id}`);
          // A sequence whose every move was refused leaves no cost row at all.
          expect(costs ?? { quantity: '0', value: '0' }).toEqual({
            quantity: decimalString(model.quantity),
            value: decimalString(model.value),
          });
          if (method === 'fifo') {
            const [open] = await c.rows<{ value: string | null }>(sql`
              select trim_scale(sum(remaining_value))::text as value from inventory.cost_layers
               where item_id = ${item.id}`);
            expect(open!.value ?? '0').toBe(decimalString(model.value));
          }
        }),
        { numRuns: 25 },
      );
    });
});
