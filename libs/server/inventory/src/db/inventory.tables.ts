import { decimalColumns, recordColumns } from '@nexo/db/columns';
import { itemVariants, items } from '@nexo/catalog/tables';
import { tenantFk, tenants } from '@nexo/tenancy/tables';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const inventorySchema = pgSchema('inventory');

type Column = Parameters<typeof foreignKey>[0]['columns'][0];
/** Every reference leads with the tenant, so it never points into another company. */
const itemFk = (table: string, t: { tenantId: Column; itemId: Column; variantId?: Column }) => [
  foreignKey({
    name: `${table}_item_fk`,
    columns: [t.tenantId, t.itemId],
    foreignColumns: [items.tenantId, items.id],
  }),
  ...(t.variantId
    ? [
        foreignKey({
          name: `${table}_variant_fk`,
          columns: [t.tenantId, t.variantId],
          foreignColumns: [itemVariants.tenantId, itemVariants.id],
        }),
      ]
    : []),
];

/** How a company values its stock, and the date before which no move may be dated (ADR 0018). */
export const settings = inventorySchema.table(
  'settings',
  {
    tenantId: uuid('tenant_id').notNull(),
    valuationMethod: text('valuation_method').notNull().default('average'),
    stockLockDate: date('stock_lock_date', { mode: 'string' }),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'settings_pkey', columns: [t.tenantId] }),
    foreignKey({ name: 'settings_tenant_fk', columns: [t.tenantId], foreignColumns: [tenants.id] }),
    check('settings_valuation_method_check', sql`${t.valuationMethod} in ('average', 'fifo')`),
  ],
);

/** Warehouses of a company; each has a tree of locations under its own root location. */
export const warehouses = inventorySchema.table(
  'warehouses',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Whether its stock may go below zero; copied onto its balance rows, which CHECK it. */
    allowNegative: boolean('allow_negative').notNull().default(false),
    address: text('address'),
    active: boolean('active').notNull().default(true),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'warehouses_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('warehouses_tenant_code_key').on(t.tenantId, t.code),
    uniqueIndex('warehouses_tenant_name_key').on(t.tenantId, t.name),
    foreignKey({
      name: 'warehouses_tenant_fk',
      columns: [t.tenantId],
      foreignColumns: [tenants.id],
    }),
  ],
);

export const LOCATION_KINDS = [
  'internal',
  'supplier',
  'customer',
  'production',
  'scrap',
  'adjustment',
  'transit',
] as const;

/**
 * Internal locations (zones, racks, bins) form a tree inside a warehouse. The virtual ones a
 * ledger needs (supplier, customer, production, scrap, adjustment, in transit) belong to no
 * warehouse and exist once per company. Balances are kept for internal and transit locations.
 */
export const locations = inventorySchema.table(
  'locations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    warehouseId: uuid('warehouse_id'),
    parentId: uuid('parent_id'),
    kind: text('kind').notNull().default('internal'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Codes from the warehouse down (`WH1/A/R2/B05`), kept for lists and barcodes. */
    path: text('path').notNull(),
    active: boolean('active').notNull().default(true),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'locations_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('locations_tenant_path_key').on(t.tenantId, t.path),
    uniqueIndex('locations_tenant_virtual_key')
      .on(t.tenantId, t.kind)
      .where(sql`${t.warehouseId} is null`),
    index('locations_tenant_warehouse_idx').on(t.tenantId, t.warehouseId),
    tenantFk('locations_tenant_fk', t.tenantId),
    foreignKey({
      name: 'locations_warehouse_fk',
      columns: [t.tenantId, t.warehouseId],
      foreignColumns: [warehouses.tenantId, warehouses.id],
    }),
    foreignKey({
      name: 'locations_parent_fk',
      columns: [t.tenantId, t.parentId],
      foreignColumns: [t.tenantId, t.id],
    }),
    check(
      'locations_kind_check',
      sql`${t.kind} in ('internal', 'supplier', 'customer', 'production', 'scrap', 'adjustment', 'transit')`,
    ),
    check(
      'locations_internal_in_warehouse_check',
      sql`(${t.kind} = 'internal') = (${t.warehouseId} is not null)`,
    ),
  ],
);

/** Lots (with their expiry) and serial numbers of tracked items. */
export const lots = inventorySchema.table(
  'lots',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    itemId: uuid('item_id').notNull(),
    variantId: uuid('variant_id'),
    code: text('code').notNull(),
    tracking: text('tracking').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
    notes: text('notes'),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'lots_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('lots_tenant_item_code_key').on(t.tenantId, t.itemId, t.code),
    index('lots_tenant_expiry_idx').on(t.tenantId, t.itemId, t.expiresOn),
    tenantFk('lots_tenant_fk', t.tenantId),
    ...itemFk('lots', t),
    check('lots_tracking_check', sql`${t.tracking} in ('lot', 'serial')`),
  ],
);

const lotFk = (table: string, tenantId: Column, lotId: Column) =>
  foreignKey({
    name: `${table}_lot_fk`,
    columns: [tenantId, lotId],
    foreignColumns: [lots.tenantId, lots.id],
  });
const warehouseFk = (name: string, tenantId: Column, warehouseId: Column) =>
  foreignKey({
    name,
    columns: [tenantId, warehouseId],
    foreignColumns: [warehouses.tenantId, warehouses.id],
  });
const locationFk = (name: string, tenantId: Column, locationId: Column) =>
  foreignKey({
    name,
    columns: [tenantId, locationId],
    foreignColumns: [locations.tenantId, locations.id],
  });

/**
 * The stock ledger: append-only. The app role may only SELECT and INSERT, and a trigger
 * refuses UPDATE and DELETE to every role; a mistake is undone by a reverse move. `value` is
 * in the company's currency, rounded to its minor unit, fixed when the move posts.
 */
export const moves = inventorySchema.table(
  'moves',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    itemId: uuid('item_id').notNull(),
    variantId: uuid('variant_id'),
    lotId: uuid('lot_id'),
    fromLocationId: uuid('from_location_id').notNull(),
    toLocationId: uuid('to_location_id').notNull(),
    quantity: decimalColumns.quantity('quantity').notNull(),
    unitCost: decimalColumns.unitPrice('unit_cost').notNull(),
    value: decimalColumns.amount('value').notNull(),
    /** The day the stock moved (may be earlier than posted_at, never before the lock date). */
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
    postedBy: uuid('posted_by'),
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id').notNull(),
    sourceLineId: uuid('source_line_id'),
    reversesMoveId: uuid('reverses_move_id'),
  },
  (t) => [
    primaryKey({ name: 'moves_pkey', columns: [t.tenantId, t.id] }),
    index('moves_tenant_item_date_idx').on(t.tenantId, t.itemId, t.effectiveDate, t.id),
    index('moves_tenant_lot_idx')
      .on(t.tenantId, t.lotId)
      .where(sql`${t.lotId} is not null`),
    index('moves_tenant_source_idx').on(t.tenantId, t.sourceType, t.sourceId),
    uniqueIndex('moves_tenant_reverses_key')
      .on(t.tenantId, t.reversesMoveId)
      .where(sql`${t.reversesMoveId} is not null`),
    tenantFk('moves_tenant_fk', t.tenantId),
    foreignKey({
      name: 'moves_reverses_fk',
      columns: [t.tenantId, t.reversesMoveId],
      foreignColumns: [t.tenantId, t.id],
    }),
    ...itemFk('moves', t),
    foreignKey({
      name: 'moves_from_location_fk',
      columns: [t.tenantId, t.fromLocationId],
      foreignColumns: [locations.tenantId, locations.id],
    }),
    foreignKey({
      name: 'moves_to_location_fk',
      columns: [t.tenantId, t.toLocationId],
      foreignColumns: [locations.tenantId, locations.id],
    }),
    foreignKey({
      name: 'moves_lot_fk',
      columns: [t.tenantId, t.lotId],
      foreignColumns: [lots.tenantId, lots.id],
    }),
    check('moves_quantity_check', sql`${t.quantity} > 0`),
    check('moves_locations_check', sql`${t.fromLocationId} <> ${t.toLocationId}`),
  ],
);

/**
 * On hand per (item, variant, location, lot), for internal and transit locations, updated in
 * the transaction that inserts the moves. The CHECKs are the backstop under any concurrency:
 * no negative stock where the warehouse forbids it, a serial never more than one anywhere.
 */
export const balances = inventorySchema.table(
  'balances',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** A surrogate key: the natural one has nullable parts (variant, lot). */
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    itemId: uuid('item_id').notNull(),
    variantId: uuid('variant_id'),
    locationId: uuid('location_id').notNull(),
    lotId: uuid('lot_id'),
    warehouseId: uuid('warehouse_id'),
    onHand: decimalColumns.quantity('on_hand').notNull().default('0'),
    allowNegative: boolean('allow_negative').notNull().default(false),
    serial: boolean('serial').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'balances_pkey', columns: [t.tenantId, t.id] }),
    unique('balances_key')
      .on(t.tenantId, t.itemId, t.variantId, t.locationId, t.lotId)
      .nullsNotDistinct(),
    index('balances_tenant_location_idx').on(t.tenantId, t.locationId),
    index('balances_tenant_warehouse_item_idx').on(t.tenantId, t.warehouseId, t.itemId),
    uniqueIndex('balances_serial_in_one_place_key')
      .on(t.tenantId, t.lotId)
      .where(sql`${t.serial} and ${t.onHand} <> 0`),
    tenantFk('balances_tenant_fk', t.tenantId),
    lotFk('balances', t.tenantId, t.lotId),
    warehouseFk('balances_warehouse_fk', t.tenantId, t.warehouseId),
    ...itemFk('balances', t),
    foreignKey({
      name: 'balances_location_fk',
      columns: [t.tenantId, t.locationId],
      foreignColumns: [locations.tenantId, locations.id],
    }),
    check('balances_not_negative', sql`${t.allowNegative} or ${t.onHand} >= 0`),
    check('balances_serial_check', sql`not ${t.serial} or ${t.onHand} in (0, 1)`),
  ],
);

/**
 * Per (item, variant, warehouse): on hand (the sum of its locations' balances) and reserved.
 * Reservations are per warehouse, so what is reserved and what is available live here; this
 * row is also the lock a posting or a reservation takes first.
 */
export const stockLevels = inventorySchema.table(
  'stock_levels',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** A surrogate key: the natural one has nullable parts (variant, lot). */
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    itemId: uuid('item_id').notNull(),
    variantId: uuid('variant_id'),
    warehouseId: uuid('warehouse_id').notNull(),
    onHand: decimalColumns.quantity('on_hand').notNull().default('0'),
    reserved: decimalColumns.quantity('reserved').notNull().default('0'),
    allowNegative: boolean('allow_negative').notNull().default(false),
    lastMoveOn: date('last_move_on', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'stock_levels_pkey', columns: [t.tenantId, t.id] }),
    unique('stock_levels_key')
      .on(t.tenantId, t.itemId, t.variantId, t.warehouseId)
      .nullsNotDistinct(),
    index('stock_levels_tenant_warehouse_idx').on(t.tenantId, t.warehouseId),
    tenantFk('stock_levels_tenant_fk', t.tenantId),
    ...itemFk('stock_levels', t),
    foreignKey({
      name: 'stock_levels_warehouse_fk',
      columns: [t.tenantId, t.warehouseId],
      foreignColumns: [warehouses.tenantId, warehouses.id],
    }),
    check('stock_levels_not_negative', sql`${t.allowNegative} or ${t.onHand} >= 0`),
    check('stock_levels_reserved_check', sql`${t.reserved} >= 0`),
  ],
);

/**
 * The company's valued stock of an item: quantity and value over its internal and transit
 * locations, and the unit cost it last had (moving average, or the last FIFO layer's).
 */
export const itemCosts = inventorySchema.table(
  'item_costs',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** A surrogate key: the natural one has nullable parts (variant, lot). */
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    itemId: uuid('item_id').notNull(),
    variantId: uuid('variant_id'),
    quantity: decimalColumns.quantity('quantity').notNull().default('0'),
    value: decimalColumns.amount('value').notNull().default('0'),
    unitCost: decimalColumns.unitPrice('unit_cost').notNull().default('0'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'item_costs_pkey', columns: [t.tenantId, t.id] }),
    unique('item_costs_key').on(t.tenantId, t.itemId, t.variantId).nullsNotDistinct(),
    tenantFk('item_costs_tenant_fk', t.tenantId),
    ...itemFk('item_costs', t),
  ],
);

/** FIFO cost layers: one per valued incoming move, consumed oldest first. */
export const costLayers = inventorySchema.table(
  'cost_layers',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    itemId: uuid('item_id').notNull(),
    variantId: uuid('variant_id'),
    moveId: uuid('move_id').notNull(),
    quantity: decimalColumns.quantity('quantity').notNull(),
    unitCost: decimalColumns.unitPrice('unit_cost').notNull(),
    value: decimalColumns.amount('value').notNull(),
    remainingQuantity: decimalColumns.quantity('remaining_quantity').notNull(),
    remainingValue: decimalColumns.amount('remaining_value').notNull(),
  },
  (t) => [
    primaryKey({ name: 'cost_layers_pkey', columns: [t.tenantId, t.id] }),
    index('cost_layers_open_idx')
      .on(t.tenantId, t.itemId, t.variantId, t.id)
      .where(sql`${t.remainingQuantity} > 0`),
    tenantFk('cost_layers_tenant_fk', t.tenantId),
    ...itemFk('cost_layers', t),
    foreignKey({
      name: 'cost_layers_move_fk',
      columns: [t.tenantId, t.moveId],
      foreignColumns: [moves.tenantId, moves.id],
    }),
    check(
      'cost_layers_remaining_check',
      sql`${t.remainingQuantity} >= 0 and ${t.remainingQuantity} <= ${t.quantity}`,
    ),
  ],
);

/** What each outgoing move took from which FIFO layer (append-only, like the moves). */
export const layerConsumptions = inventorySchema.table(
  'layer_consumptions',
  {
    tenantId: uuid('tenant_id').notNull(),
    moveId: uuid('move_id').notNull(),
    layerId: uuid('layer_id').notNull(),
    quantity: decimalColumns.quantity('quantity').notNull(),
    value: decimalColumns.amount('value').notNull(),
  },
  (t) => [
    primaryKey({ name: 'layer_consumptions_pkey', columns: [t.tenantId, t.moveId, t.layerId] }),
    index('layer_consumptions_layer_idx').on(t.tenantId, t.layerId),
    tenantFk('layer_consumptions_tenant_fk', t.tenantId),
    foreignKey({
      name: 'layer_consumptions_move_fk',
      columns: [t.tenantId, t.moveId],
      foreignColumns: [moves.tenantId, moves.id],
    }),
    foreignKey({
      name: 'layer_consumptions_layer_fk',
      columns: [t.tenantId, t.layerId],
      foreignColumns: [costLayers.tenantId, costLayers.id],
    }),
  ],
);

/** Stock held for a source line (a sales order line) in a warehouse, in base units. */
export const reservations = inventorySchema.table(
  'reservations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    itemId: uuid('item_id').notNull(),
    variantId: uuid('variant_id'),
    warehouseId: uuid('warehouse_id').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id').notNull(),
    sourceLineId: uuid('source_line_id').notNull(),
    /** What is still held: reserved, less what was consumed by moves or released. */
    quantity: decimalColumns.quantity('quantity').notNull(),
    consumed: decimalColumns.quantity('consumed').notNull().default('0'),
    released: decimalColumns.quantity('released').notNull().default('0'),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'reservations_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('reservations_source_line_key').on(
      t.tenantId,
      t.sourceType,
      t.sourceLineId,
      t.warehouseId,
    ),
    index('reservations_tenant_item_idx').on(t.tenantId, t.itemId, t.warehouseId),
    tenantFk('reservations_tenant_fk', t.tenantId),
    ...itemFk('reservations', t),
    foreignKey({
      name: 'reservations_warehouse_fk',
      columns: [t.tenantId, t.warehouseId],
      foreignColumns: [warehouses.tenantId, warehouses.id],
    }),
    check('reservations_quantity_check', sql`${t.quantity} >= 0`),
  ],
);

/**
 * The change of on hand per (location, item, variant, lot) and day, kept as moves post: stock at
 * a past date sums these up to that day instead of reading the ledger (erp.md §4).
 */
export const dailyChanges = inventorySchema.table(
  'daily_changes',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** A surrogate key: the natural one has nullable parts (variant, lot). */
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    locationId: uuid('location_id').notNull(),
    warehouseId: uuid('warehouse_id'),
    itemId: uuid('item_id').notNull(),
    variantId: uuid('variant_id'),
    lotId: uuid('lot_id'),
    day: date('day', { mode: 'string' }).notNull(),
    quantity: decimalColumns.quantity('quantity').notNull(),
    value: decimalColumns.amount('value').notNull(),
  },
  (t) => [
    primaryKey({ name: 'daily_changes_pkey', columns: [t.tenantId, t.id] }),
    unique('daily_changes_key')
      .on(t.tenantId, t.locationId, t.itemId, t.variantId, t.lotId, t.day)
      .nullsNotDistinct(),
    index('daily_changes_warehouse_day_idx').on(t.tenantId, t.warehouseId, t.day),
    tenantFk('daily_changes_tenant_fk', t.tenantId),
    lotFk('daily_changes', t.tenantId, t.lotId),
    warehouseFk('daily_changes_warehouse_fk', t.tenantId, t.warehouseId),
    locationFk('daily_changes_location_fk', t.tenantId, t.locationId),
    ...itemFk('daily_changes', t),
  ],
);

/** Min/max per item and warehouse: at or below `minimum`, order up to `maximum`. */
export const reorderRules = inventorySchema.table(
  'reorder_rules',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    itemId: uuid('item_id').notNull(),
    variantId: uuid('variant_id'),
    warehouseId: uuid('warehouse_id').notNull(),
    minimum: decimalColumns.quantity('minimum').notNull(),
    maximum: decimalColumns.quantity('maximum').notNull(),
    multiple: decimalColumns.quantity('multiple'),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'reorder_rules_pkey', columns: [t.tenantId, t.id] }),
    unique('reorder_rules_key')
      .on(t.tenantId, t.itemId, t.variantId, t.warehouseId)
      .nullsNotDistinct(),
    tenantFk('reorder_rules_tenant_fk', t.tenantId),
    ...itemFk('reorder_rules', t),
    foreignKey({
      name: 'reorder_rules_warehouse_fk',
      columns: [t.tenantId, t.warehouseId],
      foreignColumns: [warehouses.tenantId, warehouses.id],
    }),
    check('reorder_rules_range_check', sql`${t.minimum} >= 0 and ${t.maximum} >= ${t.minimum}`),
    check('reorder_rules_multiple_check', sql`${t.multiple} is null or ${t.multiple} > 0`),
  ],
);

export const OPERATION_KINDS = ['adjustment', 'transfer', 'scrap'] as const;

/**
 * Stock operations with a number of their own: adjustments (with a reason), transfers between
 * locations or warehouses (through in-transit when `via_transit`), scrap. Posted ones never
 * change (`documents.install_guards`, keyed on `issued_at`, the time they posted).
 */
export const operations = inventorySchema.table(
  'operations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    state: text('state').notNull().default('draft'),
    number: text('number'),
    warehouseId: uuid('warehouse_id').notNull(),
    fromLocationId: uuid('from_location_id'),
    toLocationId: uuid('to_location_id'),
    viaTransit: boolean('via_transit').notNull().default(false),
    reason: text('reason'),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    notes: text('notes'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by'),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'operations_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('operations_number_key')
      .on(t.tenantId, t.kind, t.number)
      .where(sql`${t.number} is not null`),
    index('operations_tenant_created_idx').on(t.tenantId, t.createdAt),
    tenantFk('operations_tenant_fk', t.tenantId),
    locationFk('operations_from_location_fk', t.tenantId, t.fromLocationId),
    locationFk('operations_to_location_fk', t.tenantId, t.toLocationId),
    foreignKey({
      name: 'operations_warehouse_fk',
      columns: [t.tenantId, t.warehouseId],
      foreignColumns: [warehouses.tenantId, warehouses.id],
    }),
    check('operations_kind_check', sql`${t.kind} in ('adjustment', 'transfer', 'scrap')`),
  ],
);

/** An operation's lines: adjustments carry a signed quantity (+ found, − lost). */
export const operationLines = inventorySchema.table(
  'operation_lines',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    documentId: uuid('document_id').notNull(),
    position: integer('position').notNull(),
    itemId: uuid('item_id').notNull(),
    variantId: uuid('variant_id'),
    lotId: uuid('lot_id'),
    quantity: decimalColumns.quantity('quantity').notNull(),
    unitCost: decimalColumns.unitPrice('unit_cost'),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'operation_lines_pkey', columns: [t.tenantId, t.id] }),
    ...itemFk('operation_lines', t),
    lotFk('operation_lines', t.tenantId, t.lotId),
    index('operation_lines_document_idx').on(t.tenantId, t.documentId, t.position),
    foreignKey({
      name: 'operation_lines_document_fk',
      columns: [t.tenantId, t.documentId],
      foreignColumns: [operations.tenantId, operations.id],
    }).onDelete('cascade'),
    check('operation_lines_quantity_check', sql`${t.quantity} <> 0`),
  ],
);

/**
 * Physical counts: `start` freezes the balances of a location (and everything under it) as
 * the expected quantities; people count; posting moves the differences, counted − expected.
 */
export const counts = inventorySchema.table(
  'counts',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    state: text('state').notNull().default('draft'),
    number: text('number'),
    warehouseId: uuid('warehouse_id').notNull(),
    locationId: uuid('location_id').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    notes: text('notes'),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by'),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'counts_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('counts_number_key')
      .on(t.tenantId, t.number)
      .where(sql`${t.number} is not null`),
    tenantFk('counts_tenant_fk', t.tenantId),
    foreignKey({
      name: 'counts_warehouse_fk',
      columns: [t.tenantId, t.warehouseId],
      foreignColumns: [warehouses.tenantId, warehouses.id],
    }),
    foreignKey({
      name: 'counts_location_fk',
      columns: [t.tenantId, t.locationId],
      foreignColumns: [locations.tenantId, locations.id],
    }),
  ],
);

/** A count's lines: what the snapshot expected and what was counted, per location and lot. */
export const countLines = inventorySchema.table(
  'count_lines',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    documentId: uuid('document_id').notNull(),
    locationId: uuid('location_id').notNull(),
    itemId: uuid('item_id').notNull(),
    variantId: uuid('variant_id'),
    lotId: uuid('lot_id'),
    expected: decimalColumns.quantity('expected').notNull().default('0'),
    counted: decimalColumns.quantity('counted'),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'count_lines_pkey', columns: [t.tenantId, t.id] }),
    ...itemFk('count_lines', t),
    lotFk('count_lines', t.tenantId, t.lotId),
    locationFk('count_lines_location_fk', t.tenantId, t.locationId),
    unique('count_lines_key')
      .on(t.tenantId, t.documentId, t.locationId, t.itemId, t.variantId, t.lotId)
      .nullsNotDistinct(),
    foreignKey({
      name: 'count_lines_document_fk',
      columns: [t.tenantId, t.documentId],
      foreignColumns: [counts.tenantId, counts.id],
    }).onDelete('cascade'),
    check('count_lines_counted_check', sql`${t.counted} is null or ${t.counted} >= 0`),
  ],
);
