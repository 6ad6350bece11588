import type { INestApplicationContext } from '@nestjs/common';
import { memberships, users } from '@nexo/auth/tables';
import { items } from '@nexo/catalog/tables';
import type { Tx } from '@nexo/db';
import { Lots, OperationService, StockLocations, WarehouseService } from '@nexo/inventory';
import { locations, warehouses } from '@nexo/inventory/tables';
import { requestContext } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, eq, inArray, like, or } from 'drizzle-orm';

/** Dairy goes bad: its items are tracked by lot, with an expiry per lot. */
const PERISHABLE = ['ALM-LEC-%', 'ALM-CRE-%', 'ALM-QUE-%', 'ALM-YOG-%'];

/** Days from today, as `YYYY-MM-DD`. */
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo company's stock: a central warehouse with a dry-goods zone (two racks of bins) and a
 * cold room, a branch with a sales floor, lots for the dairy, and its opening stock posted as
 * an adjustment (AJ-00000001) through the real services, then a transfer to the branch, so the
 * kardex has a history. Seeded once: nothing happens when the company has a warehouse.
 */
export async function seedDemoInventory(
  app: INestApplicationContext,
  tx: Tx,
  tenantId: string,
  adminEmail: string,
): Promise<boolean> {
  const [existing] = await tx
    .select({ id: warehouses.id })
    .from(warehouses)
    .where(eq(warehouses.tenantId, tenantId))
    .limit(1);
  if (existing) return false;
  const [admin] = await tx
    .select({ userId: users.id, membershipId: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(users.email, adminEmail)))
    .limit(1);
  if (!admin) return false;
  await tx
    .update(items)
    .set({ tracking: 'lot' })
    .where(and(eq(items.tenantId, tenantId), or(...PERISHABLE.map((p) => like(items.sku, p)))));
  const goods = await tx
    .select({ id: items.id, sku: items.sku, cost: items.cost, tracking: items.tracking })
    .from(items)
    .where(and(eq(items.tenantId, tenantId), inArray(items.kind, ['stockable'])))
    .orderBy(items.sku);
  const principal = {
    userId: admin.userId,
    tenantId,
    actor: 'employee' as const,
    membershipId: admin.membershipId,
    roles: ['owner'],
    issuedAt: 0,
  };
  await requestContext.run({ requestId: newId(), principal }, async () => {
    const warehouseService = app.get(WarehouseService);
    const central = await warehouseService.create({
      code: 'CEN',
      name: 'Depósito Central',
      address: 'Av. Gral. Paz 4500, Ciudadela',
    });
    const branch = await warehouseService.create({
      code: 'NOR',
      name: 'Sucursal Norte',
      address: 'Av. Maipú 1200, Vicente López',
    });
    const places = app.get(StockLocations);
    const [centralRoot, branchRoot] = [
      await places.rootOf(central.id),
      await places.rootOf(branch.id),
    ];
    const zone = (
      parentId: string,
      parentPath: string,
      warehouseId: string,
      code: string,
      name: string,
    ) => {
      const row = {
        tenantId,
        id: newId(),
        warehouseId,
        parentId,
        kind: 'internal',
        code,
        name,
        path: `${parentPath}/${code}`,
      };
      return row;
    };
    const dry = zone(centralRoot, 'CEN', central.id, 'A', 'Zona A — secos');
    const cold = zone(centralRoot, 'CEN', central.id, 'F', 'Cámara de frío');
    const racks = ['R1', 'R2'].map((r) =>
      zone(dry.id, dry.path, central.id, r, `Rack ${r.slice(1)}`),
    );
    const bins = racks.flatMap((rack) =>
      ['B01', 'B02', 'B03'].map((b) => zone(rack.id, rack.path, central.id, b, `Estante ${b}`)),
    );
    const floor = zone(branchRoot, 'NOR', branch.id, 'SAL', 'Salón de ventas');
    await tx.insert(locations).values([dry, cold, ...racks, ...bins, floor]);

    const lots = app.get(Lots);
    const operations = app.get(OperationService);
    const lines = [];
    for (const [i, item] of goods.entries()) {
      const lotId =
        item.tracking === 'lot'
          ? await lots.ensure({
              itemId: item.id,
              code: `L${inDays(0).replaceAll('-', '').slice(2)}-${String(i + 1).padStart(3, '0')}`,
              expiresOn: inDays(20 + (i % 4) * 7),
            })
          : null;
      // 24 to 144 units, by the item's place in the list (seed data, not arithmetic).
      lines.push({
        itemId: item.id,
        lotId,
        quantity: String(24 * (1 + (i % 6))),
        unitCost: item.cost ?? '0',
      });
    }
    const opening = await operations.create({
      kind: 'adjustment',
      warehouseId: central.id,
      locationId: centralRoot,
      reason: 'initial_stock',
      notes: 'Stock inicial del depósito',
      lines,
    });
    await operations.transition(opening.id, opening.version ?? 1, 'post');
    const stocked = goods.filter((g) => g.tracking === 'none').slice(0, 8);
    const transfer = await operations.create({
      kind: 'transfer',
      warehouseId: central.id,
      fromLocationId: centralRoot,
      toLocationId: floor.id,
      notes: 'Reposición de la sucursal',
      lines: stocked.map((g) => ({ itemId: g.id, quantity: '12' })),
    });
    await operations.transition(transfer.id, transfer.version ?? 1, 'post');
  });
  return true;
}
