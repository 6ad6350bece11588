import { AuditLog } from '@nexo/audit';
import { StockItemFacts } from '@nexo/catalog';
import type { Database } from '@nexo/db';
import { EventOutbox } from '@nexo/events';
import { PermissionService, RoleRepository } from '@nexo/permissions';
import { RecordWrites } from '@nexo/records';
import { useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { stockCompany } from '../testing/stock-ledger.fixture.js';
import { LotRepository } from './lot.repository.js';
import { LotService } from './lot.service.js';
import { Lots } from './lots.service.js';

/** Lots and serials on a real PostgreSQL: tracking from the catalog, ensure, and the trace. */
describe('lots', () => {
  const db = useTestDatabase();
  let database: Database;
  let service: LotService;
  let lots: Lots;
  beforeAll(() => {
    database = db.current.database;
    const permissions = new PermissionService(new RoleRepository(database));
    const writes = new RecordWrites(permissions, new AuditLog(database), new EventOutbox(database));
    const facts = new StockItemFacts(database);
    const records = new LotRepository(database);
    service = new LotService(records, permissions, writes, facts);
    lots = new Lots(records, facts);
  });

  it('takes its tracking from the item, and refuses untracked or unknown items', async () => {
    const c = await stockCompany(database);
    const byLot = await c.item({ tracking: 'lot' });
    const bySerial = await c.item({ tracking: 'serial' });
    const plain = await c.item();
    const lot = await c.request(() =>
      service.create({ itemId: byLot.id, code: 'L-001', expiresOn: '2027-03-31' }),
    );
    expect(lot).toMatchObject({ tracking: 'lot', expiresOn: '2027-03-31', version: 1 });
    expect(
      await c.request(() => service.create({ itemId: bySerial.id, code: 'SN-1' })),
    ).toMatchObject({ tracking: 'serial', expiresOn: null });
    await expect(
      c.request(() => service.create({ itemId: plain.id, code: 'X' })),
    ).rejects.toMatchObject({ code: 'item_not_tracked' });
    await expect(
      c.request(() => service.create({ itemId: newId(), code: 'X' })),
    ).rejects.toMatchObject({ code: 'unknown_reference' });
    await expect(
      c.request(() => service.create({ itemId: byLot.id, variantId: newId(), code: 'X' })),
    ).rejects.toMatchObject({ code: 'unknown_reference' });
    await expect(
      c.request(() => service.create({ itemId: byLot.id, code: 'L-001' })),
    ).rejects.toMatchObject({ code: 'conflict' });
    const changed = await c.request(() =>
      service.update(lot.id, 1, { expiresOn: null, notes: 'Sin vencimiento' }),
    );
    expect(changed).toMatchObject({ expiresOn: null, notes: 'Sin vencimiento', version: 2 });
  });

  it('lists by item, code and expiry', async () => {
    const c = await stockCompany(database);
    const item = await c.item({ tracking: 'lot' });
    const other = await c.item({ tracking: 'lot' });
    for (const [code, expiresOn] of [
      ['A-1', '2027-01-10'],
      ['A-2', '2027-06-30'],
      ['A-3', null],
    ] as const)
      await c.request(() => service.create({ itemId: item.id, code, expiresOn }));
    await c.request(() => service.create({ itemId: other.id, code: 'B-1' }));
    const codes = async (query: Record<string, unknown>) =>
      (await c.request(() => service.list(query))).items.map((l) => l.code);
    expect(await codes({ itemId: item.id })).toEqual(['A-1', 'A-2', 'A-3']);
    expect(await codes({ 'expiresOn.lt': '2027-03-01' })).toEqual(['A-1']);
    expect(await codes({ itemId: item.id, 'expiresOn.lte': '2027-06-30' })).toEqual(['A-1', 'A-2']);
    expect(await codes({ q: 'b-' })).toEqual(['B-1']);
  });

  it('ensures a lot by code: made once, found afterwards, in the caller’s transaction', async () => {
    const c = await stockCompany(database);
    const item = await c.item({ tracking: 'lot' });
    const id = await c.request(() =>
      lots.ensure({ itemId: item.id, code: 'REC-9', expiresOn: '2027-12-31' }),
    );
    expect(await c.request(() => lots.ensure({ itemId: item.id, code: 'REC-9' }))).toBe(id);
    expect(await c.request(() => service.get(id))).toMatchObject({
      code: 'REC-9',
      expiresOn: '2027-12-31',
      tracking: 'lot',
    });
    // Rolled back with the caller: nothing is left.
    await expect(
      c.request(async () => {
        await lots.ensure({ itemId: item.id, code: 'REC-10' });
        throw new Error('the receipt failed');
      }),
    ).rejects.toThrow('the receipt failed');
    expect((await c.request(() => service.list({ q: 'REC-10' }))).items).toEqual([]);
    const plain = await c.item();
    await expect(
      c.request(() => lots.ensure({ itemId: plain.id, code: 'X' })),
    ).rejects.toMatchObject({ code: 'item_not_tracked' });
  });

  it('traces where a lot came from and went, in posting order', async () => {
    const c = await stockCompany(database);
    const item = await c.item({ tracking: 'lot', cost: '10' });
    const lotId = await c.request(() => lots.ensure({ itemId: item.id, code: 'T-1' }));
    const receipt = newId();
    await c.post(
      [
        {
          itemId: item.id,
          lotId,
          fromLocationId: c.place.supplier,
          toLocationId: c.stock.a,
          quantity: '10',
          unitCost: '10',
        },
      ],
      { sourceId: receipt },
    );
    await c.post([
      { itemId: item.id, lotId, fromLocationId: c.stock.a, toLocationId: c.stock.b, quantity: '4' },
    ]);
    await c.post([
      {
        itemId: item.id,
        lotId,
        fromLocationId: c.stock.b,
        toLocationId: c.place.customer,
        quantity: '3',
      },
    ]);
    const trace = await c.request(() => service.trace(lotId));
    expect(trace.lot).toMatchObject({ id: lotId, code: 'T-1' });
    expect(
      trace.moves.map((m) => [m.fromPath, m.toPath, m.toKind, m.quantity, m.sourceType]),
    ).toEqual([
      ['~supplier', 'CEN/A', 'internal', '10', 'test.document'],
      ['CEN/A', 'CEN/B', 'internal', '4', 'test.document'],
      ['CEN/B', '~customer', 'customer', '3', 'test.document'],
    ]);
    expect(trace.moves[0]?.sourceId).toBe(receipt);
    // Another company's lot is nobody's.
    const other = await stockCompany(database);
    await expect(other.request(() => service.trace(lotId))).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
