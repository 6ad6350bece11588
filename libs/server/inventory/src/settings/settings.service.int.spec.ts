import { AuditLog } from '@nexo/audit';
import type { Database } from '@nexo/db';
import { PermissionService, RoleRepository } from '@nexo/permissions';
import { useTestDatabase } from '@nexo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ownerOfNewCompany } from '../testing/inventory.factories.js';
import { stockCompany } from '../testing/stock-ledger.fixture.js';
import { InventorySettings } from './inventory-settings.service.js';
import { SettingsService } from './settings.service.js';

/** The stock settings on a real PostgreSQL: defaults, saves, and the method locked by moves. */
describe('inventory settings', () => {
  const db = useTestDatabase();
  let database: Database;
  let settings: InventorySettings;
  let service: SettingsService;
  beforeAll(() => {
    database = db.current.database;
    settings = new InventorySettings(database);
    service = new SettingsService(
      settings,
      new PermissionService(new RoleRepository(database)),
      new AuditLog(database),
    );
  });

  it('answers the defaults until saved, then what was saved', async () => {
    const c = await ownerOfNewCompany(database);
    expect(await c.request(() => settings.current())).toEqual({
      valuationMethod: 'average',
      stockLockDate: null,
    });
    expect(await c.request(() => service.get())).toEqual({
      valuationMethod: 'average',
      stockLockDate: null,
      version: 0,
    });
    expect(
      await c.request(() =>
        service.update({ valuationMethod: 'fifo', stockLockDate: '2026-11-30' }),
      ),
    ).toEqual({ valuationMethod: 'fifo', stockLockDate: '2026-11-30', version: 1 });
    expect(await c.request(() => service.update({ stockLockDate: null }))).toEqual({
      valuationMethod: 'fifo',
      stockLockDate: null,
      version: 2,
    });
    expect(await c.request(() => settings.current())).toEqual({
      valuationMethod: 'fifo',
      stockLockDate: null,
    });
    const other = await ownerOfNewCompany(database);
    expect(await other.request(() => settings.current())).toMatchObject({
      valuationMethod: 'average',
    });
  });

  it('refuses to change the method once a move exists, and keeps the lock date free', async () => {
    const c = await stockCompany(database, { valuation: 'average' });
    // No moves yet: the method may still change (and back).
    await c.request(() => service.update({ valuationMethod: 'fifo' }));
    await c.request(() => service.update({ valuationMethod: 'average' }));
    const item = await c.item({ cost: '5' });
    await c.post([
      { itemId: item.id, fromLocationId: c.place.supplier, toLocationId: c.stock.a, quantity: '1' },
    ]);
    await expect(
      c.request(() => service.update({ valuationMethod: 'fifo' })),
    ).rejects.toMatchObject({ code: 'valuation_method_locked' });
    // The same method, or only the lock date: fine.
    expect(
      await c.request(() =>
        service.update({ valuationMethod: 'average', stockLockDate: '2026-01-31' }),
      ),
    ).toMatchObject({ valuationMethod: 'average', stockLockDate: '2026-01-31' });
  });

  it('makes a change of method wait for a posting in flight, then refuse it', async () => {
    const c = await stockCompany(database, { valuation: 'average' });
    const item = await c.item({ cost: '5' });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let posted!: () => void;
    const inFlight = new Promise<void>((resolve) => (posted = resolve));
    // A posting that has valued its move with the average and has not committed yet.
    const posting = c.request(async () => {
      await c.posting.post({
        sourceType: 'test.document',
        sourceId: item.id,
        moves: [
          {
            itemId: item.id,
            fromLocationId: c.place.supplier,
            toLocationId: c.stock.a,
            quantity: '1',
          },
        ],
      });
      posted();
      await held;
    });
    await inFlight;
    const change = c
      .request(() => service.update({ valuationMethod: 'fifo' }))
      .then(
        () => 'changed',
        (e: { code?: string }) => e.code,
      );
    // The change waits on the settings row the posting holds; once it commits, the move is there.
    await new Promise((resolve) => setTimeout(resolve, 150));
    release();
    await posting;
    expect(await change).toBe('valuation_method_locked');
  });
});
