import { AuditLog } from '@nexo/audit';
import type { Database } from '@nexo/db';
import { EventOutbox } from '@nexo/events';
import { PermissionService, RoleRepository } from '@nexo/permissions';
import { RecordWrites } from '@nexo/records';
import { useTestDatabase } from '@nexo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ownerOfNewCompany } from '../testing/inventory.factories.js';
import { WarehouseRepository } from '../warehouse/warehouse.repository.js';
import { WarehouseService } from '../warehouse/warehouse.service.js';
import { LocationRepository } from './location.repository.js';
import { LocationService } from './location.service.js';
import { StockLocations } from './stock-locations.service.js';

/** The location tree on a real PostgreSQL: paths kept, no cycles, never across warehouses. */
describe('locations', () => {
  const db = useTestDatabase();
  let database: Database;
  let service: LocationService;
  let warehouses: WarehouseService;
  let stock: StockLocations;
  beforeAll(() => {
    database = db.current.database;
    const permissions = new PermissionService(new RoleRepository(database));
    const writes = new RecordWrites(permissions, new AuditLog(database), new EventOutbox(database));
    stock = new StockLocations(database);
    service = new LocationService(new LocationRepository(database), permissions, writes);
    warehouses = new WarehouseService(
      new WarehouseRepository(database),
      permissions,
      writes,
      stock,
    );
  });

  async function companyWithWarehouse() {
    const c = await ownerOfNewCompany(database);
    const w = await c.request(() => warehouses.create({ code: 'WH1', name: 'Central' }));
    return { ...c, warehouseId: w.id };
  }
  const paths = async (c: Awaited<ReturnType<typeof companyWithWarehouse>>, warehouseId: string) =>
    (await c.request(() => service.list({ warehouseId, sort: 'path', limit: '200' }))).items.map(
      (l) => l.path,
    );

  it('builds paths under the root or a parent, and lists them with the virtual ones', async () => {
    const c = await companyWithWarehouse();
    const a = await c.request(() =>
      service.create({ warehouseId: c.warehouseId, code: 'A', name: 'Pasillo A' }),
    );
    expect(a).toMatchObject({ path: 'WH1/A', kind: 'internal', warehouseId: c.warehouseId });
    const r2 = await c.request(() =>
      service.create({ parentId: a.id, code: 'R2', name: 'Rack 2' }),
    );
    expect(r2).toMatchObject({ path: 'WH1/A/R2', parentId: a.id });
    expect(await paths(c, c.warehouseId)).toEqual(['WH1', 'WH1/A', 'WH1/A/R2']);
    const virtual = await c.request(() => service.list({ kind: 'supplier' }));
    expect(virtual.items.map((l) => l.path)).toEqual(['~supplier']);
    const found = await c.request(() => service.list({ q: 'rack' }));
    expect(found.items.map((l) => l.path)).toEqual(['WH1/A/R2']);
    // The same code twice under one parent: 409 on the code.
    await expect(
      c.request(() => service.create({ parentId: a.id, code: 'R2', name: 'Otro' })),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('renames and moves a location with its subtree, and refuses cycles', async () => {
    const c = await companyWithWarehouse();
    const a = await c.request(() =>
      service.create({ warehouseId: c.warehouseId, code: 'A', name: 'A' }),
    );
    const b = await c.request(() =>
      service.create({ warehouseId: c.warehouseId, code: 'B', name: 'B' }),
    );
    const r = await c.request(() => service.create({ parentId: a.id, code: 'R', name: 'R' }));
    await c.request(() => service.create({ parentId: r.id, code: 'S', name: 'S' }));
    await c.request(() => service.update(a.id, 1, { code: 'AA' }));
    expect(await paths(c, c.warehouseId)).toEqual([
      'WH1',
      'WH1/AA',
      'WH1/AA/R',
      'WH1/AA/R/S',
      'WH1/B',
    ]);
    const moved = await c.request(() => service.update(r.id, 1, { parentId: b.id }));
    expect(moved).toMatchObject({ path: 'WH1/B/R', parentId: b.id, version: 2 });
    expect(await paths(c, c.warehouseId)).toEqual([
      'WH1',
      'WH1/AA',
      'WH1/B',
      'WH1/B/R',
      'WH1/B/R/S',
    ]);
    const s = (await c.request(() => service.list({ q: 'WH1/B/R/S' }))).items[0];
    await expect(
      c.request(() => service.update(r.id, 2, { parentId: s?.id ?? '' })),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      c.request(() => service.update(r.id, 2, { parentId: r.id })),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('never moves a location to another warehouse, nor edits virtual ones and roots', async () => {
    const c = await companyWithWarehouse();
    const other = await c.request(() => warehouses.create({ code: 'WH2', name: 'Otro' }));
    const a = await c.request(() =>
      service.create({ warehouseId: c.warehouseId, code: 'A', name: 'A' }),
    );
    const root2 = await c.request(() => stock.rootOf(other.id));
    await expect(
      c.request(() => service.update(a.id, 1, { parentId: root2 })),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      c.request(() =>
        service.create({ warehouseId: other.id, parentId: a.id, code: 'X', name: 'X' }),
      ),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const supplier = await c.request(() => stock.virtual('supplier'));
    await expect(c.request(() => service.update(supplier, 1, { name: 'x' }))).rejects.toMatchObject(
      {
        code: 'location_not_editable',
      },
    );
    await expect(c.request(() => service.remove(supplier, 1))).rejects.toMatchObject({
      code: 'location_not_editable',
    });
    const root = await c.request(() => stock.rootOf(c.warehouseId));
    await expect(c.request(() => service.remove(root, 1))).rejects.toMatchObject({
      code: 'location_not_editable',
    });
    // A virtual location may not be a parent either.
    await expect(
      c.request(() => service.create({ parentId: supplier, code: 'X', name: 'X' })),
    ).rejects.toMatchObject({ code: 'unknown_reference' });
  });

  it('deletes a leaf, not a location with locations under it', async () => {
    const c = await companyWithWarehouse();
    const a = await c.request(() =>
      service.create({ warehouseId: c.warehouseId, code: 'A', name: 'A' }),
    );
    const leaf = await c.request(() => service.create({ parentId: a.id, code: 'L', name: 'L' }));
    await expect(c.request(() => service.remove(a.id, 1))).rejects.toMatchObject({
      code: 'conflict',
    });
    await c.request(() => service.remove(leaf.id, 1));
    await c.request(() => service.remove(a.id, 1));
    expect(await paths(c, c.warehouseId)).toEqual(['WH1']);
  });

  it('shows another company nothing', async () => {
    const c = await companyWithWarehouse();
    const a = await c.request(() =>
      service.create({ warehouseId: c.warehouseId, code: 'A', name: 'A' }),
    );
    const other = await ownerOfNewCompany(database);
    await expect(other.request(() => service.get(a.id))).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      other.request(() => service.create({ parentId: a.id, code: 'X', name: 'X' })),
    ).rejects.toMatchObject({ code: 'unknown_reference' });
    expect((await other.request(() => service.list({}))).items).toEqual([]);
  });
});
