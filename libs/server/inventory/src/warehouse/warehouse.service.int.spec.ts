import { AuditLog } from '@nexo/audit';
import type { Database } from '@nexo/db';
import { EventOutbox } from '@nexo/events';
import { balances, locations, stockLevels } from '../db/inventory.tables.js';
import { PermissionService, RoleRepository } from '@nexo/permissions';
import { RecordWrites } from '@nexo/records';
import { catalogFactories } from '@nexo/catalog/testing';
import { useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { StockLocations } from '../locations/stock-locations.service.js';
import { ownerOfNewCompany } from '../testing/inventory.factories.js';
import { WarehouseRepository } from './warehouse.repository.js';
import { WarehouseService } from './warehouse.service.js';

/** Warehouses on a real PostgreSQL: their root, the virtual locations, negatives, deletes. */
describe('warehouses', () => {
  const db = useTestDatabase();
  let database: Database;
  let service: WarehouseService;
  let stockLocations: StockLocations;
  beforeAll(() => {
    database = db.current.database;
    const permissions = new PermissionService(new RoleRepository(database));
    const writes = new RecordWrites(permissions, new AuditLog(database), new EventOutbox(database));
    stockLocations = new StockLocations(database);
    service = new WarehouseService(
      new WarehouseRepository(database),
      permissions,
      writes,
      stockLocations,
    );
  });
  /** A stockable item of the company: stock rows name a real item (balances_item_fk). */
  const stockItem = async (tenantId: string) => {
    const catalog = catalogFactories(database, tenantId);
    const unit = await catalog.unit();
    return catalog.item({ sku: `W-${newId()}`, unitId: unit.id });
  };
  const locationsOf = (tenantId: string) =>
    database.withContext({ tenantId }, (tx) =>
      tx
        .select({
          kind: locations.kind,
          path: locations.path,
          code: locations.code,
          warehouseId: locations.warehouseId,
        })
        .from(locations)
        .where(eq(locations.tenantId, tenantId))
        .orderBy(locations.path),
    );

  it('makes its root location and, once, the company’s six virtual ones', async () => {
    const c = await ownerOfNewCompany(database);
    const w1 = await c.request(() => service.create({ code: 'DEP1', name: ' Depósito  central ' }));
    expect(w1).toMatchObject({ code: 'DEP1', name: 'Depósito central', allowNegative: false });
    await c.request(() => service.create({ code: 'DEP2', name: 'Sucursal' }));
    const rows = await locationsOf(c.tenantId);
    expect(rows.map((r) => r.path)).toEqual([
      'DEP1',
      'DEP2',
      '~adjustment',
      '~customer',
      '~production',
      '~scrap',
      '~supplier',
      '~transit',
    ]);
    expect(rows.filter((r) => r.warehouseId === null).map((r) => r.kind)).toHaveLength(6);
    expect(rows.find((r) => r.path === 'DEP1')).toMatchObject({ kind: 'internal', code: 'DEP1' });
  });

  it('answers StockLocations: virtual ids (made if missing), roots, and facts', async () => {
    const c = await ownerOfNewCompany(database);
    // No warehouse yet: asking makes them.
    const supplier = await c.request(() => stockLocations.virtual('supplier'));
    expect(await c.request(() => stockLocations.virtual('supplier'))).toBe(supplier);
    const w = await c.request(() =>
      service.create({ code: 'NEG', name: 'Negativo', allowNegative: true }),
    );
    const root = await c.request(() => stockLocations.rootOf(w.id));
    const transit = await c.request(() => stockLocations.virtual('transit'));
    const facts = await c.request(() =>
      stockLocations.describe([root, supplier, transit, newId()]),
    );
    expect(facts.size).toBe(3);
    expect(facts.get(root)).toEqual({
      id: root,
      kind: 'internal',
      warehouseId: w.id,
      allowNegative: true,
      path: 'NEG',
      name: 'Negativo',
    });
    expect(facts.get(supplier)).toMatchObject({
      kind: 'supplier',
      warehouseId: null,
      path: '~supplier',
      allowNegative: false,
    });
    expect(facts.get(transit)).toMatchObject({ kind: 'transit', allowNegative: false });
    await expect(c.request(() => stockLocations.rootOf(newId()))).rejects.toMatchObject({
      code: 'unknown_reference',
    });
    // Another company sees none of these.
    const other = await ownerOfNewCompany(database);
    expect((await other.request(() => stockLocations.describe([root, supplier]))).size).toBe(0);
  });

  it('copies allowNegative onto its stock rows, and refuses to forbid it below zero', async () => {
    const c = await ownerOfNewCompany(database);
    const w = await c.request(() =>
      service.create({ code: 'W', name: 'Con negativos', allowNegative: true }),
    );
    const root = await c.request(() => stockLocations.rootOf(w.id));
    const itemId = (await stockItem(c.tenantId)).id;
    await database.withContext({ tenantId: c.tenantId }, async (tx) => {
      await tx.insert(balances).values({
        tenantId: c.tenantId,
        itemId,
        locationId: root,
        warehouseId: w.id,
        onHand: '-2',
        allowNegative: true,
      });
      await tx.insert(stockLevels).values({
        tenantId: c.tenantId,
        itemId,
        warehouseId: w.id,
        onHand: '-2',
        allowNegative: true,
      });
    });
    await expect(
      c.request(() => service.update(w.id, 1, { allowNegative: false })),
    ).rejects.toMatchObject({ code: 'negative_stock_exists' });
    // Back to zero: now it may forbid negatives, and the rows carry the setting.
    await database.withContext({ tenantId: c.tenantId }, async (tx) => {
      await tx.update(balances).set({ onHand: '0' }).where(eq(balances.tenantId, c.tenantId));
      await tx.update(stockLevels).set({ onHand: '0' }).where(eq(stockLevels.tenantId, c.tenantId));
    });
    const after = await c.request(() => service.update(w.id, 1, { allowNegative: false }));
    expect(after).toMatchObject({ allowNegative: false, version: 2 });
    const flags = await database.withContext({ tenantId: c.tenantId }, async (tx) => [
      ...(await tx
        .select({ a: balances.allowNegative })
        .from(balances)
        .where(eq(balances.tenantId, c.tenantId))),
      ...(await tx
        .select({ a: stockLevels.allowNegative })
        .from(stockLevels)
        .where(eq(stockLevels.tenantId, c.tenantId))),
    ]);
    expect(flags).toEqual([{ a: false }, { a: false }]);
    // The CHECK now refuses what the setting forbids, whoever writes.
    await expect(
      database.withContext({ tenantId: c.tenantId }, (tx) =>
        tx
          .update(balances)
          .set({ onHand: '-1' })
          .where(and(eq(balances.tenantId, c.tenantId), eq(balances.itemId, itemId))),
      ),
    ).rejects.toThrow();
  });

  it('waits for a posting that read the setting before changing it (describe locks it)', async () => {
    const c = await ownerOfNewCompany(database);
    const w = await c.request(() =>
      service.create({ code: 'LCK', name: 'Bloqueo', allowNegative: true }),
    );
    const root = await c.request(() => stockLocations.rootOf(w.id));
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let described!: () => void;
    const hasDescribed = new Promise<void>((resolve) => (described = resolve));
    const posting = c.request(async () => {
      const facts = await stockLocations.describe([root]);
      events.push(`posting read ${String(facts.get(root)?.allowNegative)}`);
      described();
      await held;
      events.push('posting committed');
    });
    await hasDescribed;
    const change = c
      .request(() => service.update(w.id, 1, { allowNegative: false }))
      .then(() => events.push('setting changed'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    events.push('released');
    release();
    await Promise.all([posting, change]);
    expect(events).toEqual([
      'posting read true',
      'released',
      'posting committed',
      'setting changed',
    ]);
    const after = await c.request(() => stockLocations.describe([root]));
    expect(after.get(root)?.allowNegative).toBe(false);
  });

  it('moves every path with a new code, and its root’s name with its name', async () => {
    const c = await ownerOfNewCompany(database);
    const w = await c.request(() => service.create({ code: 'OLD', name: 'Viejo' }));
    const root = await c.request(() => stockLocations.rootOf(w.id));
    await database.withContext({ tenantId: c.tenantId }, (tx) =>
      tx.insert(locations).values({
        tenantId: c.tenantId,
        id: newId(),
        warehouseId: w.id,
        parentId: root,
        code: 'A',
        name: 'Pasillo A',
        path: 'OLD/A',
      }),
    );
    await c.request(() => service.update(w.id, 1, { code: 'NEW', name: 'Nuevo' }));
    const rows = (await locationsOf(c.tenantId)).filter((r) => r.warehouseId === w.id);
    expect(rows.map((r) => [r.code, r.path])).toEqual([
      ['NEW', 'NEW'],
      ['A', 'NEW/A'],
    ]);
    const facts = await c.request(() => stockLocations.describe([root]));
    expect(facts.get(root)?.name).toBe('Nuevo');
  });

  it('deletes a warehouse with its locations, and refuses one stock moved through', async () => {
    const c = await ownerOfNewCompany(database);
    const empty = await c.request(() => service.create({ code: 'E', name: 'Vacío' }));
    await c.request(() => service.remove(empty.id, 1));
    expect((await locationsOf(c.tenantId)).some((r) => r.warehouseId === empty.id)).toBe(false);

    const used = await c.request(() => service.create({ code: 'U', name: 'Usado' }));
    const root = await c.request(() => stockLocations.rootOf(used.id));
    const item = await stockItem(c.tenantId);
    await database.withContext({ tenantId: c.tenantId }, (tx) =>
      tx.insert(balances).values({
        tenantId: c.tenantId,
        itemId: item.id,
        locationId: root,
        warehouseId: used.id,
        onHand: '0',
      }),
    );
    await expect(c.request(() => service.remove(used.id, 1))).rejects.toMatchObject({
      code: 'warehouse_in_use',
    });
  });

  it('answers 409 for a code or name in use', async () => {
    const c = await ownerOfNewCompany(database);
    await c.request(() => service.create({ code: 'X', name: 'Equis' }));
    await expect(
      c.request(() => service.create({ code: 'X', name: 'Otro' })),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      c.request(() => service.create({ code: 'Y', name: 'Equis' })),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});
