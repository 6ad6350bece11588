import { StockItemFacts } from '@nexo/catalog';
import { catalogFactories } from '@nexo/catalog/testing';
import type { Database } from '@nexo/db';
import { requestContext, type Principal } from '@nexo/platform';
import { TenantDirectory } from '@nexo/tenancy';
import { createTenant } from '@nexo/testing';
import { newId } from '@nexo/utils';
import type { sql } from 'drizzle-orm';
import { locations, lots, settings, warehouses } from '../db/inventory.tables.js';
import { StockLedgerRepository } from '../ledger/stock-ledger.repository.js';
import { StockPosting } from '../ledger/stock-posting.service.js';
import { StockLocations } from '../locations/stock-locations.service.js';
import { InventorySettings } from '../settings/inventory-settings.service.js';
import type { MoveInput } from '../ledger/stock-posting.types.js';
import type { StockValuationSink } from '../ledger/stock-valuation.sink.js';

const VIRTUAL = ['supplier', 'customer', 'production', 'scrap', 'adjustment', 'transit'] as const;

/**
 * A company with a warehouse (two bins under its root), the virtual locations, and the
 * posting service, for the ledger's integration tests on a real PostgreSQL. `request` runs a
 * function as one request of the company's owner, in one transaction, as the API would.
 */
export async function stockCompany(
  database: Database,
  options: {
    valuation?: 'average' | 'fifo';
    allowNegative?: boolean;
    sink?: StockValuationSink;
  } = {},
) {
  const tenant = await createTenant(database);
  const tenantId = tenant.id;
  const principal: Principal = {
    userId: newId(),
    tenantId,
    actor: 'employee',
    membershipId: newId(),
    roles: ['owner'],
    issuedAt: 0,
  };
  const request = <T>(fn: () => Promise<T>): Promise<T> =>
    requestContext.run({ requestId: newId(), principal }, () =>
      database.withContext({ tenantId, userId: principal.userId }, fn),
    );
  const warehouseId = newId();
  const place = Object.fromEntries(VIRTUAL.map((k) => [k, newId()])) as Record<
    (typeof VIRTUAL)[number],
    string
  >;
  const stock = { root: newId(), a: newId(), b: newId() };
  await database.withContext({ tenantId }, async (tx) => {
    await tx.insert(settings).values({ tenantId, valuationMethod: options.valuation ?? 'average' });
    await tx.insert(warehouses).values({
      tenantId,
      id: warehouseId,
      code: 'CEN',
      name: 'Central',
      allowNegative: options.allowNegative ?? false,
    });
    await tx.insert(locations).values([
      ...VIRTUAL.map((kind) => ({
        tenantId,
        id: place[kind],
        kind,
        code: kind,
        name: kind,
        path: `~${kind}`,
      })),
      { tenantId, id: stock.root, warehouseId, code: 'CEN', name: 'Central', path: 'CEN' },
      {
        tenantId,
        id: stock.a,
        warehouseId,
        parentId: stock.root,
        code: 'A',
        name: 'A',
        path: 'CEN/A',
      },
      {
        tenantId,
        id: stock.b,
        warehouseId,
        parentId: stock.root,
        code: 'B',
        name: 'B',
        path: 'CEN/B',
      },
    ]);
  });
  const posting = new StockPosting(
    new StockLedgerRepository(database),
    new StockItemFacts(database),
    new TenantDirectory(database),
    new StockLocations(database),
    new InventorySettings(database),
    options.sink ?? null,
  );
  let skus = 0;
  const catalog = catalogFactories(database, tenantId);
  const unit = await catalog.unit({ code: 'u' });
  const item = (
    fields: {
      tracking?: 'none' | 'lot' | 'serial';
      cost?: string;
      kind?: 'stockable' | 'service';
    } = {},
  ) => catalog.item({ sku: `IT-${++skus}`, unitId: unit.id, ...fields });
  const lot = async (itemId: string, code: string, expiresOn: string | null = null) => {
    const [row] = await database.withContext({ tenantId }, (tx) =>
      tx
        .insert(lots)
        .values({ tenantId, id: newId(), itemId, code, tracking: 'lot', expiresOn })
        .returning(),
    );
    return row!;
  };
  const serial = async (itemId: string, code: string) => {
    const [row] = await database.withContext({ tenantId }, (tx) =>
      tx
        .insert(lots)
        .values({ tenantId, id: newId(), itemId, code, tracking: 'serial' })
        .returning(),
    );
    return row!;
  };
  const post = (moves: MoveInput[], extra: { effectiveDate?: string; sourceId?: string } = {}) =>
    request(() =>
      posting.post({
        sourceType: 'test.document',
        sourceId: extra.sourceId ?? newId(),
        moves,
        ...(extra.effectiveDate ? { effectiveDate: extra.effectiveDate } : {}),
      }),
    );
  /** Rows of the company read as the app role (RLS on), outside any request. */
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    (await database.withContext({ tenantId }, (tx) => tx.execute(query))).rows as T[];
  return {
    tenantId,
    principal,
    request,
    posting,
    warehouseId,
    place,
    stock,
    item,
    lot,
    serial,
    post,
    rows,
  };
}

export type StockCompany = Awaited<ReturnType<typeof stockCompany>>;
