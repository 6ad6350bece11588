import { DomainError } from '@nexo/platform';
import { adminClient, useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { stockCompany, type StockCompany } from '../testing/stock-ledger.fixture.js';

/** The stock ledger on a real PostgreSQL: all or nothing, reversals, append-only, lots. */
describe('stock posting', () => {
  const db = useTestDatabase();

  const onHand = async (c: StockCompany, itemId: string) =>
    c.rows<{ location_id: string; lot_id: string | null; on_hand: string }>(sql`
      select location_id, lot_id, trim_scale(on_hand)::text as on_hand from inventory.balances
       where item_id = ${itemId} and on_hand <> 0 order by location_id, lot_id`);
  const cost = async (c: StockCompany, itemId: string) =>
    (
      await c.rows<{ quantity: string; value: string; unit_cost: string }>(sql`
        select trim_scale(quantity)::text as quantity, trim_scale(value)::text as value, trim_scale(unit_cost)::text as unit_cost from inventory.item_costs
         where item_id = ${itemId}`)
    )[0];
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => (e instanceof DomainError ? e.code : e),
    );

  it('receives at a cost, issues at the moving average, and keeps every summary', async () => {
    const c = await stockCompany(db.current.database);
    const item = await c.item();
    await c.post([
      {
        itemId: item.id,
        fromLocationId: c.place.supplier,
        toLocationId: c.stock.a,
        quantity: '10',
        unitCost: '100',
      },
    ]);
    await c.post([
      {
        itemId: item.id,
        fromLocationId: c.place.supplier,
        toLocationId: c.stock.a,
        quantity: '5',
        unitCost: '130',
      },
    ]);
    const [issue] = await c.post([
      { itemId: item.id, fromLocationId: c.stock.a, toLocationId: c.place.customer, quantity: '3' },
    ]);
    // (10 × 100 + 5 × 130) / 15 = 110 a unit.
    expect(issue).toMatchObject({ quantity: '3', unitCost: '110', value: '330' });
    expect(await cost(c, item.id)).toEqual({ quantity: '12', value: '1320', unit_cost: '110' });
    expect(await onHand(c, item.id)).toEqual([
      { location_id: c.stock.a, lot_id: null, on_hand: '12' },
    ]);
    const [level] = await c.rows<{ on_hand: string; reserved: string }>(sql`
      select trim_scale(on_hand)::text as on_hand, trim_scale(reserved)::text as reserved from inventory.stock_levels where item_id = ${item.id}`);
    expect(level).toEqual({ on_hand: '12', reserved: '0' });
    const [daily] = await c.rows<{ quantity: string; value: string }>(sql`
      select trim_scale(sum(quantity))::text as quantity, trim_scale(sum(value))::text as value
        from inventory.daily_changes where item_id = ${item.id}`);
    expect(daily).toEqual({ quantity: '12', value: '1320' });
  });

  it('posts a set of moves all or nothing', async () => {
    const c = await stockCompany(db.current.database);
    const [bolts, nuts] = [await c.item(), await c.item()];
    await c.post([
      {
        itemId: bolts.id,
        fromLocationId: c.place.adjustment,
        toLocationId: c.stock.a,
        quantity: '4',
        unitCost: '1',
      },
    ]);
    const code = await refusal(
      c.post([
        {
          itemId: nuts.id,
          fromLocationId: c.place.adjustment,
          toLocationId: c.stock.a,
          quantity: '7',
          unitCost: '2',
        },
        {
          itemId: bolts.id,
          fromLocationId: c.stock.a,
          toLocationId: c.place.customer,
          quantity: '5',
        },
      ]),
    );
    expect(code).toBe('insufficient_stock');
    expect(await onHand(c, nuts.id)).toEqual([]);
    expect(await onHand(c, bolts.id)).toEqual([
      { location_id: c.stock.a, lot_id: null, on_hand: '4' },
    ]);
    const moves = await c.rows(sql`select id from inventory.moves where item_id = ${nuts.id}`);
    expect(moves).toEqual([]);
  });

  it('undoes moves by reverse moves that restore balances and value', async () => {
    const c = await stockCompany(db.current.database, { valuation: 'fifo' });
    const item = await c.item();
    await c.post([
      {
        itemId: item.id,
        fromLocationId: c.place.supplier,
        toLocationId: c.stock.a,
        quantity: '3',
        unitCost: '10.005',
      },
    ]);
    const before = { balances: await onHand(c, item.id), cost: await cost(c, item.id) };
    const posted = await c.post([
      { itemId: item.id, fromLocationId: c.stock.a, toLocationId: c.stock.b, quantity: '1' },
      { itemId: item.id, fromLocationId: c.stock.a, toLocationId: c.place.customer, quantity: '1' },
    ]);
    const reversal = await c.request(() => c.posting.reverse(posted.map((m) => m.id)));
    expect(reversal.map((m) => m.reversesMoveId)).toEqual(posted.map((m) => m.id));
    expect(reversal[1]!.value).toBe(posted[1]!.value);
    expect(await onHand(c, item.id)).toEqual(before.balances);
    expect(await cost(c, item.id)).toEqual(before.cost);
    expect(await refusal(c.request(() => c.posting.reverse([posted[0]!.id])))).toBe(
      'already_reversed',
    );
  });

  it('refuses to change or delete a move, to the app role and to the owner', async () => {
    const c = await stockCompany(db.current.database);
    const item = await c.item();
    const [move] = await c.post([
      {
        itemId: item.id,
        fromLocationId: c.place.adjustment,
        toLocationId: c.stock.a,
        quantity: '1',
        unitCost: '1',
      },
    ]);
    const asApp = (statement: ReturnType<typeof sql>) =>
      db.current.database
        .withContext({ tenantId: c.tenantId }, (tx) => tx.execute(statement))
        .then(
          () => 'done',
          (e: { cause?: { code?: string }; code?: string }) => e.cause?.code ?? e.code,
        );
    expect(await asApp(sql`update inventory.moves set quantity = 2 where id = ${move!.id}`)).toBe(
      '42501',
    );
    expect(await asApp(sql`delete from inventory.moves where id = ${move!.id}`)).toBe('42501');
    const admin = await adminClient(db.current);
    try {
      await expect(
        admin.query('update inventory.moves set quantity = 2 where id = $1', [move!.id]),
      ).rejects.toMatchObject({ constraint: 'stock_ledger_append_only' });
      await expect(
        admin.query('delete from inventory.moves where id = $1', [move!.id]),
      ).rejects.toMatchObject({ constraint: 'stock_ledger_append_only' });
    } finally {
      await admin.end();
    }
  });

  it('moves tracked items only with their lot, and a serial in one place at a time', async () => {
    const c = await stockCompany(db.current.database);
    const milk = await c.item({ tracking: 'lot' });
    const phone = await c.item({ tracking: 'serial' });
    const receive = (itemId: string, lotId: string | null, quantity = '1') =>
      c.post([
        {
          itemId,
          lotId,
          fromLocationId: c.place.supplier,
          toLocationId: c.stock.a,
          quantity,
          unitCost: '5',
        },
      ]);
    expect(await refusal(receive(milk.id, null))).toBe('lot_required');
    const l1 = await c.lot(milk.id, 'L-1', '2027-01-31');
    await receive(milk.id, l1.id, '12');
    const s1 = await c.serial(phone.id, 'SN-1');
    await receive(phone.id, s1.id);
    expect(await refusal(receive(phone.id, s1.id))).toBe('serial_in_stock');
    expect(await refusal(receive(phone.id, s1.id, '2'))).toBe('invalid_move');
    // Moving it within the company is fine: it leaves one place before it reaches the next.
    await c.post([
      {
        itemId: phone.id,
        lotId: s1.id,
        fromLocationId: c.stock.a,
        toLocationId: c.stock.b,
        quantity: '1',
      },
    ]);
    expect(await onHand(c, phone.id)).toEqual([
      { location_id: c.stock.b, lot_id: s1.id, on_hand: '1' },
    ]);
  });

  it('refuses a service, a date in the future and one before the stock lock date', async () => {
    const c = await stockCompany(db.current.database);
    const service = await c.item({ kind: 'service' });
    const goods = await c.item();
    const move = (itemId: string) => ({
      itemId,
      fromLocationId: c.place.adjustment,
      toLocationId: c.stock.a,
      quantity: '1',
    });
    expect(await refusal(c.post([move(service.id)]))).toBe('item_not_stocked');
    expect(await refusal(c.post([move(goods.id)], { effectiveDate: '2999-01-01' }))).toBe(
      'invalid_move',
    );
    await db.current.database.withContext({ tenantId: c.tenantId }, (tx) =>
      tx.execute(sql`update inventory.settings set stock_lock_date = '2026-06-30'`),
    );
    expect(await refusal(c.post([move(goods.id)], { effectiveDate: '2026-06-30' }))).toBe(
      'stock_locked',
    );
    const [late] = await c.post([move(goods.id)], { effectiveDate: '2026-07-01' });
    expect(late!.effectiveDate).toBe('2026-07-01');
    expect(await refusal(c.post([{ ...move(goods.id), toLocationId: newId() }]))).toBe(
      'unknown_reference',
    );
  });
});

describe('stock valuation seam', () => {
  const db = useTestDatabase();

  it('hands the books one entry per valued move, inside the posting transaction', async () => {
    const seen: { kinds: string; value: string; inTransaction: boolean }[] = [];
    let fail = false;
    const c = await stockCompany(db.current.database, {
      sink: {
        record: async (entries) => {
          // Inside the posting's transaction the move is already visible.
          const { rows } = await db.current.database
            .tx()
            .execute(
              sql`select count(*)::int as n from inventory.moves where id = ${entries[0]!.move.id}`,
            );
          for (const e of entries)
            seen.push({
              kinds: `${e.fromKind}→${e.toKind}`,
              value: e.move.value,
              inTransaction: (rows[0] as { n: number }).n === 1,
            });
          if (fail) throw new Error('the books refused');
        },
      },
    });
    const item = await c.item();
    await c.post([
      {
        itemId: item.id,
        fromLocationId: c.place.supplier,
        toLocationId: c.stock.a,
        quantity: '2',
        unitCost: '7.5',
      },
      { itemId: item.id, fromLocationId: c.stock.a, toLocationId: c.stock.b, quantity: '1' },
    ]);
    expect(seen).toEqual([{ kinds: 'supplier→internal', value: '15', inTransaction: true }]);
    fail = true;
    await expect(
      c.post([
        { itemId: item.id, fromLocationId: c.stock.b, toLocationId: c.place.scrap, quantity: '1' },
      ]),
    ).rejects.toThrow('the books refused');
    // The books refused, so the move is not there either.
    const moves = await c.rows(
      sql`select id from inventory.moves where to_location_id = ${c.place.scrap}`,
    );
    expect(moves).toEqual([]);
  });
});
