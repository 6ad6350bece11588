import { parties } from '@nexo/crm/tables';
import { decimalColumns, recordColumns } from '@nexo/db/columns';
import { tenantFk } from '@nexo/tenancy/tables';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const catalogSchema = pgSchema('catalog');

/** Raw bytes (drizzle-orm 0.45 has no `bytea` builder); node-postgres reads them as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Units of measure of a company: `u`, `caja12`, `kg`. */
export const units = catalogSchema.table(
  'units',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'units_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('units_tenant_code_key').on(t.tenantId, t.code),
    tenantFk('units_tenant_fk', t.tenantId),
  ],
);

/**
 * The company's taxes (erp.md §2): VAT rates and exemptions, excises, perceptions and
 * withholdings. `rate` is a percentage; a `fixed` tax is `amount` per unit instead. The
 * shape rules are `taxShapeProblems` in @nexo/commerce; the CHECKs below say the same.
 */
export const taxRates = catalogSchema.table(
  'tax_rates',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    computation: text('computation').notNull().default('percent'),
    rate: decimalColumns.percent('rate').notNull(),
    amount: decimalColumns.unitPrice('amount'),
    includedInPrice: boolean('included_in_price').notNull().default(false),
    /** ISO 3166-1 country whose rules the tax follows; null for the company's own. */
    country: text('country'),
    threshold: decimalColumns.amount('threshold'),
    minimumTax: decimalColumns.amount('minimum_tax'),
    active: boolean('active').notNull().default(true),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'tax_rates_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('tax_rates_tenant_code_key').on(t.tenantId, t.code),
    tenantFk('tax_rates_tenant_fk', t.tenantId),
    check(
      'tax_rates_kind_check',
      sql`${t.kind} in ('vat', 'exempt', 'non_taxable', 'excise', 'other', 'perception', 'withholding')`,
    ),
    check(
      'tax_rates_rate_check',
      sql`${t.rate} >= 0 and ${t.rate} <= 100 and (${t.kind} not in ('exempt', 'non_taxable') or ${t.rate} = 0)`,
    ),
    check(
      'tax_rates_computation_check',
      sql`(${t.computation} = 'percent' and ${t.amount} is null) or (${t.computation} = 'fixed' and ${t.amount} is not null and ${t.rate} = 0 and ${t.kind} in ('vat', 'excise', 'other'))`,
    ),
    check(
      'tax_rates_document_level_check',
      sql`case when ${t.kind} in ('perception', 'withholding') then not ${t.includedInPrice} else ${t.threshold} is null and ${t.minimumTax} is null end`,
    ),
    check('tax_rates_country_check', sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

/** A tree of categories: a category without a parent is a root. */
export const categories = catalogSchema.table(
  'categories',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'categories_pkey', columns: [t.tenantId, t.id] }),
    // Siblings have different names; roots too (NULLS NOT DISTINCT).
    unique('categories_tenant_parent_name_key')
      .on(t.tenantId, t.parentId, t.name)
      .nullsNotDistinct(),
    index('categories_tenant_name_idx').on(t.tenantId, t.name),
    tenantFk('categories_tenant_fk', t.tenantId),
    foreignKey({
      name: 'categories_parent_fk',
      columns: [t.tenantId, t.parentId],
      foreignColumns: [t.tenantId, t.id],
    }),
  ],
);

/**
 * Goods (stockable or consumable) and services. Cost and list price are unit prices
 * (`numeric(20,6)`, erp.md §1) in the company's currency. `variant_attributes` names the axes
 * its variants vary by (`["tamaño", "color"]`).
 */
export const items = catalogSchema.table(
  'items',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    tracking: text('tracking').notNull().default('none'),
    name: text('name').notNull(),
    description: text('description'),
    sku: text('sku').notNull(),
    barcode: text('barcode'),
    categoryId: uuid('category_id'),
    unitId: uuid('unit_id').notNull(),
    salesUnitId: uuid('sales_unit_id'),
    purchaseUnitId: uuid('purchase_unit_id'),
    cost: decimalColumns.unitPrice('cost'),
    listPrice: decimalColumns.unitPrice('list_price'),
    salesTaxId: uuid('sales_tax_id'),
    purchaseTaxId: uuid('purchase_tax_id'),
    variantAttributes: text('variant_attributes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status').notNull().default('active'),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'items_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('items_tenant_sku_key').on(t.tenantId, t.sku),
    uniqueIndex('items_tenant_barcode_key').on(t.tenantId, t.barcode),
    index('items_tenant_name_idx').on(t.tenantId, t.name),
    index('items_tenant_category_idx').on(t.tenantId, t.categoryId),
    // No trigram indexes for `q` (ILIKE '%…%'): under RLS a condition that is not leakproof
    // never reaches an index, so they only cost writes (ADR 0013, migration 0027).
    tenantFk('items_tenant_fk', t.tenantId),
    foreignKey({
      name: 'items_category_fk',
      columns: [t.tenantId, t.categoryId],
      foreignColumns: [categories.tenantId, categories.id],
    }),
    foreignKey({
      name: 'items_unit_fk',
      columns: [t.tenantId, t.unitId],
      foreignColumns: [units.tenantId, units.id],
    }),
    foreignKey({
      name: 'items_sales_unit_fk',
      columns: [t.tenantId, t.salesUnitId],
      foreignColumns: [units.tenantId, units.id],
    }),
    foreignKey({
      name: 'items_purchase_unit_fk',
      columns: [t.tenantId, t.purchaseUnitId],
      foreignColumns: [units.tenantId, units.id],
    }),
    foreignKey({
      name: 'items_sales_tax_fk',
      columns: [t.tenantId, t.salesTaxId],
      foreignColumns: [taxRates.tenantId, taxRates.id],
    }),
    foreignKey({
      name: 'items_purchase_tax_fk',
      columns: [t.tenantId, t.purchaseTaxId],
      foreignColumns: [taxRates.tenantId, taxRates.id],
    }),
    check('items_kind_check', sql`${t.kind} in ('stockable', 'consumable', 'service')`),
    check('items_tracking_check', sql`${t.tracking} in ('none', 'lot', 'serial')`),
    check('items_status_check', sql`${t.status} in ('active', 'archived')`),
    check('items_cost_check', sql`${t.cost} >= 0`),
    check('items_list_price_check', sql`${t.listPrice} >= 0`),
  ],
);

/**
 * Variants of an item by its attributes (`{"tamaño": "1 L", "color": "rojo"}`), each with its
 * own SKU and barcode; cost and list price, when null, are the item's.
 */
export const itemVariants = catalogSchema.table(
  'item_variants',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    itemId: uuid('item_id').notNull(),
    sku: text('sku').notNull(),
    barcode: text('barcode'),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull(),
    cost: decimalColumns.unitPrice('cost'),
    listPrice: decimalColumns.unitPrice('list_price'),
    status: text('status').notNull().default('active'),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'item_variants_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('item_variants_tenant_sku_key').on(t.tenantId, t.sku),
    uniqueIndex('item_variants_tenant_barcode_key').on(t.tenantId, t.barcode),
    uniqueIndex('item_variants_tenant_item_attributes_key').on(t.tenantId, t.itemId, t.attributes),
    // Lets a price rule name (item, variant) and have the database check they belong together.
    // A constraint, not an index: drizzle-kit creates those with the table, before the keys.
    unique('item_variants_tenant_item_id_key').on(t.tenantId, t.itemId, t.id),
    foreignKey({
      name: 'item_variants_item_fk',
      columns: [t.tenantId, t.itemId],
      foreignColumns: [items.tenantId, items.id],
    }).onDelete('cascade'),
    check('item_variants_status_check', sql`${t.status} in ('active', 'archived')`),
    check('item_variants_cost_check', sql`${t.cost} >= 0`),
    check('item_variants_list_price_check', sql`${t.listPrice} >= 0`),
  ],
);

/**
 * One space of SKUs and one of barcodes for items and variants together, kept by triggers on
 * both tables (migration `*_catalog_rls`): the partial unique indexes refuse a code that an
 * item or a variant of the same company already has.
 */
export const itemCodes = catalogSchema.table(
  'item_codes',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** The item's or the variant's id. */
    ownerId: uuid('owner_id').notNull(),
    kind: text('kind').notNull(),
    code: text('code').notNull(),
  },
  (t) => [
    primaryKey({ name: 'item_codes_pkey', columns: [t.tenantId, t.ownerId, t.kind] }),
    uniqueIndex('item_codes_sku_key')
      .on(t.tenantId, t.code)
      .where(sql`kind = 'sku'`),
    uniqueIndex('item_codes_barcode_key')
      .on(t.tenantId, t.code)
      .where(sql`kind = 'barcode'`),
    tenantFk('item_codes_tenant_fk', t.tenantId),
    check('item_codes_kind_check', sql`${t.kind} in ('sku', 'barcode')`),
  ],
);

/** How many of the item's base unit one other unit holds: 1 `caja12` = 12 `u`. */
export const itemUnitConversions = catalogSchema.table(
  'item_unit_conversions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    itemId: uuid('item_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    factor: decimalColumns.quantity('factor').notNull(),
  },
  (t) => [
    primaryKey({ name: 'item_unit_conversions_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('item_unit_conversions_tenant_item_unit_key').on(t.tenantId, t.itemId, t.unitId),
    foreignKey({
      name: 'item_unit_conversions_item_fk',
      columns: [t.tenantId, t.itemId],
      foreignColumns: [items.tenantId, items.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'item_unit_conversions_unit_fk',
      columns: [t.tenantId, t.unitId],
      foreignColumns: [units.tenantId, units.id],
    }),
    check('item_unit_conversions_factor_check', sql`${t.factor} > 0`),
  ],
);

/** Pictures of an item, in the database (PNG, JPEG or WebP, at most 5 MB each). */
export const itemImages = catalogSchema.table(
  'item_images',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    itemId: uuid('item_id').notNull(),
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'item_images_pkey', columns: [t.tenantId, t.id] }),
    index('item_images_tenant_item_idx').on(t.tenantId, t.itemId),
    foreignKey({
      name: 'item_images_item_fk',
      columns: [t.tenantId, t.itemId],
      foreignColumns: [items.tenantId, items.id],
    }).onDelete('cascade'),
    check(
      'item_images_content_type_check',
      sql`${t.contentType} in ('image/png', 'image/jpeg', 'image/webp')`,
    ),
    check('item_images_size_check', sql`${t.byteSize} > 0 and ${t.byteSize} <= 5242880`),
  ],
);

/**
 * A price list in one currency: for everyone, for a customer group, or for one party (a CRM
 * party id; no foreign key, the CRM is another context), valid between two dates.
 */
export const priceLists = catalogSchema.table(
  'price_lists',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    partyId: uuid('party_id'),
    customerGroup: text('customer_group'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'price_lists_pkey', columns: [t.tenantId, t.id] }),
    index('price_lists_tenant_name_idx').on(t.tenantId, t.name),
    index('price_lists_tenant_party_idx').on(t.tenantId, t.partyId),
    index('price_lists_tenant_group_idx').on(t.tenantId, t.customerGroup),
    tenantFk('price_lists_tenant_fk', t.tenantId),
    // A list for one party names a party of the same company (issue 23, migration 0030).
    foreignKey({
      name: 'price_lists_party_fk',
      columns: [t.tenantId, t.partyId],
      foreignColumns: [parties.tenantId, parties.id],
    }),
    check('price_lists_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('price_lists_target_check', sql`num_nonnulls(${t.partyId}, ${t.customerGroup}) <= 1`),
    check('price_lists_validity_check', sql`${t.validFrom} <= ${t.validTo}`),
  ],
);

/**
 * A line of a price list: from `min_quantity` (in the item's base unit) up, the item (or one
 * of its variants) costs `price` (kind `fixed`) or its list price less `discount_percent`
 * (kind `discount`).
 */
export const priceListRules = catalogSchema.table(
  'price_list_rules',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    priceListId: uuid('price_list_id').notNull(),
    itemId: uuid('item_id').notNull(),
    variantId: uuid('variant_id'),
    minQuantity: decimalColumns.quantity('min_quantity').notNull().default('0'),
    kind: text('kind').notNull(),
    price: decimalColumns.unitPrice('price'),
    discountPercent: decimalColumns.percent('discount_percent'),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'price_list_rules_pkey', columns: [t.tenantId, t.id] }),
    unique('price_list_rules_tenant_list_item_variant_qty_key')
      .on(t.tenantId, t.priceListId, t.itemId, t.variantId, t.minQuantity)
      .nullsNotDistinct(),
    index('price_list_rules_tenant_item_idx').on(t.tenantId, t.itemId),
    foreignKey({
      name: 'price_list_rules_list_fk',
      columns: [t.tenantId, t.priceListId],
      foreignColumns: [priceLists.tenantId, priceLists.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'price_list_rules_item_fk',
      columns: [t.tenantId, t.itemId],
      foreignColumns: [items.tenantId, items.id],
    }),
    foreignKey({
      name: 'price_list_rules_variant_fk',
      columns: [t.tenantId, t.itemId, t.variantId],
      foreignColumns: [itemVariants.tenantId, itemVariants.itemId, itemVariants.id],
    }),
    check('price_list_rules_kind_check', sql`${t.kind} in ('fixed', 'discount')`),
    check('price_list_rules_min_quantity_check', sql`${t.minQuantity} >= 0`),
    check(
      'price_list_rules_amount_check',
      sql`(${t.kind} = 'fixed' and ${t.price} >= 0 and ${t.discountPercent} is null)
        or (${t.kind} = 'discount' and ${t.price} is null
            and ${t.discountPercent} >= 0 and ${t.discountPercent} <= 100)`,
    ),
  ],
);
