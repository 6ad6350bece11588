import { DomainError } from '@nexo/platform';
import { useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { describe, expect, it } from 'vitest';
import { StockLedgerRepository } from '../ledger/stock-ledger.repository.js';
import { stockCompany, type StockCompany } from '../testing/stock-ledger.fixture.js';
import { StockReservations } from './stock-reservations.service.js';

/** Reservations against source lines, per warehouse: held, consumed by moves, released. */
describe('stock reservations', () => {
  const db = useTestDatabase();
  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: unknown) => (e instanceof DomainError ? e.code : e),
    );

  async function setup() {
    const c = await stockCompany(db.current.database);
    const reservations = new StockReservations(
      db.current.database,
      new StockLedgerRepository(db.current.database),
    );
    const item = await c.item();
    await c.post([
      {
        itemId: item.id,
        fromLocationId: c.place.supplier,
        toLocationId: c.stock.a,
        quantity: '10',
        unitCost: '4',
      },
    ]);
    const reserve = (line: string, quantity: string) =>
      c.request(() =>
        reservations.reserve({
          sourceType: 'sales.order',
          sourceId: ORDER,
          sourceLineId: line,
          itemId: item.id,
          warehouseId: c.warehouseId,
          quantity,
        }),
      );
    const available = async () =>
      (await c.request(() => reservations.availability({ itemId: item.id })))[0];
    return { c, reservations, item, reserve, available };
  }
  const ORDER = newId();

  const issue = (c: StockCompany, itemId: string, quantity: string, line?: string) =>
    c.post([
      {
        itemId,
        fromLocationId: c.stock.a,
        toLocationId: c.place.customer,
        quantity,
        ...(line
          ? { consumesReservationOf: { sourceType: 'sales.order', sourceLineId: line } }
          : {}),
      },
    ]);

  it('holds stock for a line: others can take only what is not reserved', async () => {
    const { c, item, reserve, available } = await setup();
    const line = newId();
    await reserve(line, '6');
    expect(await available()).toMatchObject({ onHand: '10', reserved: '6', available: '4' });
    expect(await code(reserve(newId(), '5'))).toBe('insufficient_stock');
    // An issue for nobody in particular may not take the reserved units…
    expect(await code(issue(c, item.id, '5'))).toBe('insufficient_stock');
    // …the line's own delivery may, and it consumes its reservation as it goes.
    await issue(c, item.id, '4', line);
    expect(await available()).toMatchObject({ onHand: '6', reserved: '2', available: '4' });
    await issue(c, item.id, '4', line);
    expect(await available()).toMatchObject({ onHand: '2', reserved: '0', available: '2' });
  });

  it('releases what a line holds, partly or all of it', async () => {
    const { c, reservations, reserve, available } = await setup();
    const line = newId();
    await reserve(line, '7');
    const release = (quantity?: string) =>
      c.request(() =>
        reservations.release({
          sourceType: 'sales.order',
          sourceLineId: line,
          ...(quantity ? { quantity } : {}),
        }),
      );
    expect(await release('2')).toBe('2');
    expect(await available()).toMatchObject({ reserved: '5', available: '5' });
    expect(await release()).toBe('5');
    expect(await available()).toMatchObject({ reserved: '0', available: '10' });
    expect(await release()).toBe('0');
  });

  it('never reserves more than is there, however many reserve at once', async () => {
    const { reserve, available } = await setup();
    const results = await Promise.all(
      Array.from({ length: 12 }, () => code(reserve(newId(), '1.5'))),
    );
    // 10 units, 1.5 at a time: six reservations fit (9), the other six are refused.
    expect(results.filter((r) => r === 'ok')).toHaveLength(6);
    expect(results.filter((r) => r === 'insufficient_stock')).toHaveLength(6);
    expect(await available()).toMatchObject({ onHand: '10', reserved: '9', available: '1' });
  });

  it('suggests lots first-expiring first (FEFO)', async () => {
    const { c, reservations } = await setup();
    const yogurt = await c.item({ tracking: 'lot' });
    const late = await c.lot(yogurt.id, 'L-LATE', '2027-05-01');
    const early = await c.lot(yogurt.id, 'L-EARLY', '2027-01-15');
    const none = await c.lot(yogurt.id, 'L-NONE', null);
    for (const [lot, at] of [
      [late, c.stock.a],
      [early, c.stock.b],
      [none, c.stock.a],
    ] as const)
      await c.post([
        {
          itemId: yogurt.id,
          lotId: lot.id,
          fromLocationId: c.place.supplier,
          toLocationId: at,
          quantity: '5',
          unitCost: '1',
        },
      ]);
    const suggested = await c.request(() =>
      reservations.suggestLots({ itemId: yogurt.id, warehouseId: c.warehouseId, quantity: '8' }),
    );
    expect(suggested.items.map((s) => [s.code, s.take])).toEqual([
      ['L-EARLY', '5'],
      ['L-LATE', '3'],
    ]);
    expect(suggested.missing).toBe('0');
    const all = await c.request(() =>
      reservations.suggestLots({ itemId: yogurt.id, warehouseId: c.warehouseId, quantity: '20' }),
    );
    expect(all.items.map((s) => s.code)).toEqual(['L-EARLY', 'L-LATE', 'L-NONE']);
    expect(all.missing).toBe('5');
  });
});
