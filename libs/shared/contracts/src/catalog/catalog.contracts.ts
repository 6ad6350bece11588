import { TAX_COMPUTATIONS, TAX_KINDS, taxShapeProblems, type TaxShape } from '@nexo/commerce';
import { decimal } from '@nexo/utils';
import { z } from 'zod';
import {
  columnDecimal,
  CountrySchema,
  CurrencySchema,
  DateOnlySchema,
  DecimalSchema,
  QuantitySchema,
  UnitPriceSchema,
} from '../common/values.js';

/** A decimal greater than zero: quantities asked for, conversion factors. */
export const PositiveDecimalSchema = DecimalSchema.refine(
  (v) => !v.startsWith('-') && /[1-9]/.test(v),
  'Must be greater than zero',
);
/** A percentage from 0 to 100. */
export const PercentSchema = columnDecimal(3, 6).refine(
  (v) => !decimal(v).greaterThan(100),
  'At most 100',
);

/** Short lowercase codes of units and taxes: `u`, `caja12`, `kg`, `iva21`. */
const CodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{0,19}$/, 'Lowercase letters, digits, dot, dash; up to 20');
const NameSchema = z.string().trim().min(1).max(200);

/** SKUs: letters, digits and `-_./`, no spaces; compared exactly. */
export const SkuSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, 'Letters, digits and - _ . /; up to 64');

/** The GTIN check digit (EAN-8, UPC-A, EAN-13, GTIN-14). */
export function gtinCheckDigitOk(code: string): boolean {
  const digits = [...code].map(Number);
  const check = digits.pop() ?? -1;
  const sum = digits.reverse().reduce((total, d, i) => total + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

/** Barcodes: GTINs (8, 12, 13 or 14 digits) must carry a correct check digit; other symbologies pass as they are. */
export const BarcodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9.-]{1,48}$/, 'Letters, digits, dot and dash; up to 48')
  .refine(
    (v) => !/^(\d{8}|\d{12,14})$/.test(v) || gtinCheckDigitOk(v),
    'The GTIN check digit does not match',
  );

const AttributeNameSchema = z.string().trim().min(1).max(40);
const AttributeValueSchema = z.string().trim().min(1).max(60);

// ————— units —————

/** A unit as a role may read it: fields its rules hide are left out. */
export const UnitSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'Unit' });
export const CreateUnitInputSchema = z.strictObject({ code: CodeSchema, name: NameSchema });
export type CreateUnitInput = z.infer<typeof CreateUnitInputSchema>;
export const UpdateUnitInputSchema = CreateUnitInputSchema.partial();
export type UpdateUnitInput = z.infer<typeof UpdateUnitInputSchema>;

// ————— taxes —————

/** A tax as a role may read it: fields its rules hide are left out. */
export const TaxRateSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    /** VAT and its 0 % cases, line taxes, or document-level perceptions and withholdings. */
    kind: z.enum(TAX_KINDS),
    /** A percentage of the base, or a fixed `amount` per unit of the line. */
    computation: z.enum(TAX_COMPUTATIONS),
    /** Percentage: `21`, `10.5`; `0` for a fixed tax. */
    rate: DecimalSchema,
    /** Amount per unit (fixed taxes), in `currency`. */
    amount: DecimalSchema.nullable(),
    /** Whether prices already include it (consumer prices). */
    includedInPrice: z.boolean(),
    /** The country whose rules it follows (ISO 3166-1), if any. */
    country: z.string().nullable(),
    /** Perceptions and withholdings: the document net from which it applies. */
    threshold: DecimalSchema.nullable(),
    /** Perceptions and withholdings: amounts below this are not applied. */
    minimumTax: DecimalSchema.nullable(),
    /** The currency of `amount`, `threshold` and `minimumTax`: the company's base currency. */
    currency: z.string(),
    active: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'TaxRate' });

const taxFields = {
  code: CodeSchema,
  name: NameSchema,
  kind: z.enum(TAX_KINDS),
  computation: z.enum(TAX_COMPUTATIONS),
  rate: PercentSchema,
  amount: columnDecimal(14, 6).nullable(),
  includedInPrice: z.boolean(),
  country: CountrySchema.nullable(),
  threshold: columnDecimal(14, 4).nullable(),
  minimumTax: columnDecimal(14, 4).nullable(),
  active: z.boolean(),
};
/** Reports each inconsistent field of a complete tax (a create) as its own issue. */
const checkTaxShape = (t: TaxShape, ctx: z.RefinementCtx) => {
  for (const problem of taxShapeProblems(t))
    ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
};
export const CreateTaxRateInputSchema = z
  .strictObject({
    ...taxFields,
    computation: taxFields.computation.default('percent'),
    rate: taxFields.rate.default('0'),
    amount: taxFields.amount.optional(),
    includedInPrice: taxFields.includedInPrice.optional(),
    country: taxFields.country.optional(),
    threshold: taxFields.threshold.optional(),
    minimumTax: taxFields.minimumTax.optional(),
    active: taxFields.active.optional(),
  })
  .superRefine(checkTaxShape);
export type CreateTaxRateInput = z.infer<typeof CreateTaxRateInputSchema>;
/** A partial update: the service checks the merged tax with `taxShapeProblems`. */
export const UpdateTaxRateInputSchema = z.strictObject(taxFields).partial();
export type UpdateTaxRateInput = z.infer<typeof UpdateTaxRateInputSchema>;

// ————— categories —————

/** A category as a role may read it: fields its rules hide are left out. */
export const CategorySchema = z
  .object({
    id: z.uuid(),
    /** Null for a root category. */
    parentId: z.uuid().nullable(),
    name: z.string(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'Category' });
export const CreateCategoryInputSchema = z.strictObject({
  name: NameSchema,
  parentId: z.uuid().nullable().optional(),
});
export type CreateCategoryInput = z.infer<typeof CreateCategoryInputSchema>;
export const UpdateCategoryInputSchema = CreateCategoryInputSchema.partial();
export type UpdateCategoryInput = z.infer<typeof UpdateCategoryInputSchema>;

// ————— items —————

export const ITEM_KINDS = ['stockable', 'consumable', 'service'] as const;
export const RECORD_STATUSES = ['active', 'archived'] as const;
/** How stock of the item is told apart: not at all, by lot (with expiry) or by serial number. */
export const ITEM_TRACKINGS = ['none', 'lot', 'serial'] as const;
export type ItemTracking = (typeof ITEM_TRACKINGS)[number];

export const UnitConversionSchema = z
  .object({
    unitId: z.uuid(),
    /** How many of the item's base unit one of `unitId` holds: 1 caja = `12` u. */
    factor: DecimalSchema,
  })
  .meta({ id: 'UnitConversion' });
const UnitConversionInputSchema = z.strictObject({
  unitId: z.uuid(),
  /** A quantity of the base unit (`numeric(20,6)`): greater than 0. */
  factor: QuantitySchema.refine((v) => /[1-9]/.test(v), 'Must be greater than zero'),
});

/**
 * An item as its reader may see it: fields a role may not read are left out (sales does not
 * see `cost` or `margin`; the warehouse sees no prices).
 */
export const ItemSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(ITEM_KINDS),
    /** Stock moves of a tracked item name their lot or serial. */
    tracking: z.enum(ITEM_TRACKINGS),
    name: z.string(),
    description: z.string().nullable(),
    sku: z.string(),
    barcode: z.string().nullable(),
    categoryId: z.uuid().nullable(),
    /** The base unit: stock is kept, and price-list quantities are counted, in it. */
    unitId: z.uuid(),
    /** Sold in this unit (null: the base unit). */
    salesUnitId: z.uuid().nullable(),
    /** Bought in this unit (null: the base unit). */
    purchaseUnitId: z.uuid().nullable(),
    /** Per base unit, in `currency`. */
    cost: DecimalSchema.nullable().optional(),
    /** Per base unit, in `currency`: the base price lists discount from. */
    listPrice: DecimalSchema.nullable().optional(),
    /** `listPrice − cost`, when both are set. */
    margin: DecimalSchema.nullable().optional(),
    /** The currency of `cost`, `listPrice` and `margin`: the company's base currency. */
    currency: z.string(),
    salesTaxId: z.uuid().nullable(),
    purchaseTaxId: z.uuid().nullable(),
    /** The attributes its variants vary by: `["tamaño", "color"]`. */
    variantAttributes: z.array(z.string()),
    status: z.enum(RECORD_STATUSES),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'Item' });
export const ItemDetailSchema = ItemSchema.extend({
  conversions: z.array(UnitConversionSchema).optional(),
}).meta({ id: 'ItemDetail' });

const itemFields = {
  kind: z.enum(ITEM_KINDS),
  tracking: z.enum(ITEM_TRACKINGS),
  name: NameSchema,
  description: z.string().max(4000).nullable(),
  sku: SkuSchema,
  barcode: BarcodeSchema.nullable(),
  categoryId: z.uuid().nullable(),
  unitId: z.uuid(),
  salesUnitId: z.uuid().nullable(),
  purchaseUnitId: z.uuid().nullable(),
  cost: UnitPriceSchema.nullable(),
  listPrice: UnitPriceSchema.nullable(),
  salesTaxId: z.uuid().nullable(),
  purchaseTaxId: z.uuid().nullable(),
  variantAttributes: z
    .array(AttributeNameSchema)
    .max(3)
    .refine((a) => new Set(a).size === a.length, 'Each attribute once'),
  /** Replaces the item's conversions. */
  conversions: z
    .array(UnitConversionInputSchema)
    .max(20)
    .refine((c) => new Set(c.map((x) => x.unitId)).size === c.length, 'Each unit once'),
  status: z.enum(RECORD_STATUSES),
};
export const CreateItemInputSchema = z.strictObject({
  ...itemFields,
  tracking: itemFields.tracking.optional(),
  description: itemFields.description.optional(),
  barcode: itemFields.barcode.optional(),
  categoryId: itemFields.categoryId.optional(),
  salesUnitId: itemFields.salesUnitId.optional(),
  purchaseUnitId: itemFields.purchaseUnitId.optional(),
  cost: itemFields.cost.optional(),
  listPrice: itemFields.listPrice.optional(),
  salesTaxId: itemFields.salesTaxId.optional(),
  purchaseTaxId: itemFields.purchaseTaxId.optional(),
  variantAttributes: itemFields.variantAttributes.optional(),
  conversions: itemFields.conversions.optional(),
  status: itemFields.status.optional(),
});
export type CreateItemInput = z.infer<typeof CreateItemInputSchema>;
export const UpdateItemInputSchema = z.strictObject(itemFields).partial();
export type UpdateItemInput = z.infer<typeof UpdateItemInputSchema>;

// ————— variants —————

/** A variant as its reader may see it: price fields follow the item's rules. */
export const ItemVariantSchema = z
  .object({
    id: z.uuid(),
    itemId: z.uuid(),
    sku: z.string(),
    barcode: z.string().nullable(),
    /** One value per attribute of the item: `{"tamaño": "1 L"}`. */
    attributes: z.record(z.string(), z.string()),
    /** Null: the item's. */
    cost: DecimalSchema.nullable().optional(),
    /** Null: the item's. */
    listPrice: DecimalSchema.nullable().optional(),
    /** The variant's list price less its cost (each its own or the item's). */
    margin: DecimalSchema.nullable().optional(),
    /** The currency of `cost`, `listPrice` and `margin`: the company's base currency. */
    currency: z.string(),
    status: z.enum(RECORD_STATUSES),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'ItemVariant' });
const variantFields = {
  sku: SkuSchema,
  barcode: BarcodeSchema.nullable(),
  attributes: z.record(AttributeNameSchema, AttributeValueSchema),
  cost: UnitPriceSchema.nullable(),
  listPrice: UnitPriceSchema.nullable(),
  status: z.enum(RECORD_STATUSES),
};
export const CreateItemVariantInputSchema = z.strictObject({
  ...variantFields,
  barcode: variantFields.barcode.optional(),
  cost: variantFields.cost.optional(),
  listPrice: variantFields.listPrice.optional(),
  status: variantFields.status.optional(),
});
export type CreateItemVariantInput = z.infer<typeof CreateItemVariantInputSchema>;
export const UpdateItemVariantInputSchema = z.strictObject(variantFields).partial();
export type UpdateItemVariantInput = z.infer<typeof UpdateItemVariantInputSchema>;

// ————— images —————

export const ITEM_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const ITEM_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const ITEM_IMAGES_PER_ITEM = 10;
export const ItemImageSchema = z
  .object({
    id: z.uuid(),
    itemId: z.uuid(),
    contentType: z.enum(ITEM_IMAGE_TYPES),
    byteSize: z.number().int(),
    createdAt: z.date(),
  })
  .meta({ id: 'ItemImage' });

// ————— price lists —————

/** A party's `customerGroup` as the CRM keeps it (`mayorista`), compared exactly. */
const CustomerGroupSchema = z.string().trim().min(1).max(50);

/** A price list as a role may read it: fields its rules hide are left out. */
export const PriceListSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    currency: z.string(),
    /** For one party only (a CRM party id). */
    partyId: z.uuid().nullable(),
    /** For the customers of one group. Null with `partyId` null: for everyone. */
    customerGroup: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'PriceList' });
const priceListFields = {
  name: NameSchema,
  currency: CurrencySchema,
  partyId: z.uuid().nullable(),
  customerGroup: CustomerGroupSchema.nullable(),
  validFrom: DateOnlySchema.nullable(),
  validTo: DateOnlySchema.nullable(),
  active: z.boolean(),
};
type PriceListShape = {
  partyId?: string | null | undefined;
  customerGroup?: string | null | undefined;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
};
const oneTarget = (p: PriceListShape) => !(p.partyId && p.customerGroup);
const validityOk = (p: PriceListShape) => !p.validFrom || !p.validTo || p.validFrom <= p.validTo;
export const CreatePriceListInputSchema = z
  .strictObject({
    ...priceListFields,
    partyId: priceListFields.partyId.optional(),
    customerGroup: priceListFields.customerGroup.optional(),
    validFrom: priceListFields.validFrom.optional(),
    validTo: priceListFields.validTo.optional(),
    active: priceListFields.active.optional(),
  })
  .refine(oneTarget, { path: ['customerGroup'], message: 'A party or a group, not both' })
  .refine(validityOk, { path: ['validTo'], message: 'Not before validFrom' });
export type CreatePriceListInput = z.infer<typeof CreatePriceListInputSchema>;
export const UpdatePriceListInputSchema = z
  .strictObject(priceListFields)
  .partial()
  .refine(oneTarget, { path: ['customerGroup'], message: 'A party or a group, not both' })
  .refine(validityOk, { path: ['validTo'], message: 'Not before validFrom' });
export type UpdatePriceListInput = z.infer<typeof UpdatePriceListInputSchema>;

export const PRICE_RULE_KINDS = ['fixed', 'discount'] as const;
export const PriceListRuleSchema = z
  .object({
    id: z.uuid(),
    priceListId: z.uuid(),
    itemId: z.uuid(),
    /** Null: every variant of the item (a variant's own rule wins). */
    variantId: z.uuid().nullable(),
    /** From this quantity up, in the item's base unit (`0`: any quantity). */
    minQuantity: DecimalSchema,
    kind: z.enum(PRICE_RULE_KINDS),
    /** `fixed`: the unit price, in `currency`. */
    price: DecimalSchema.nullable(),
    /** `discount`: the percentage off the item's list price (up to 6 decimals, never rounded). */
    discountPercent: DecimalSchema.nullable(),
    /** The list's currency: the one of `price`. */
    currency: z.string(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .meta({ id: 'PriceListRule' });
type RuleShape = {
  kind?: string | undefined;
  price?: string | null | undefined;
  discountPercent?: string | null | undefined;
};
const ruleAmountOk = (r: RuleShape) =>
  r.kind === undefined ||
  (r.kind === 'fixed'
    ? r.price != null && r.discountPercent == null
    : r.discountPercent != null && r.price == null);
export const CreatePriceListRuleInputSchema = z
  .strictObject({
    itemId: z.uuid(),
    variantId: z.uuid().nullable().optional(),
    minQuantity: QuantitySchema.optional(),
    kind: z.enum(PRICE_RULE_KINDS),
    price: UnitPriceSchema.nullable().optional(),
    discountPercent: PercentSchema.nullable().optional(),
  })
  .refine(ruleAmountOk, {
    path: ['kind'],
    message: '`fixed` takes a price, `discount` a discountPercent',
  });
export type CreatePriceListRuleInput = z.infer<typeof CreatePriceListRuleInputSchema>;
/** `kind` with its amount: a change of kind names the new amount and clears the other. */
export const UpdatePriceListRuleInputSchema = z
  .strictObject({
    minQuantity: QuantitySchema,
    kind: z.enum(PRICE_RULE_KINDS),
    price: UnitPriceSchema.nullable(),
    discountPercent: PercentSchema.nullable(),
  })
  .partial();
export type UpdatePriceListRuleInput = z.infer<typeof UpdatePriceListRuleInputSchema>;

// ————— price resolution —————

export const ResolvePriceQuerySchema = z
  .object({
    itemId: z.uuid().optional(),
    /** Instead of `itemId`: the variant's own rules first, then its item's. */
    variantId: z.uuid().optional(),
    partyId: z.uuid().optional(),
    customerGroup: CustomerGroupSchema.optional(),
    /** In `unitId` (default: the item's base unit). */
    quantity: PositiveDecimalSchema.default('1'),
    unitId: z.uuid().optional(),
    /** Default: today. */
    date: DateOnlySchema.optional(),
    currency: CurrencySchema,
  })
  .refine((q) => Boolean(q.itemId) !== Boolean(q.variantId), {
    path: ['itemId'],
    message: 'Give itemId or variantId',
  });
export type ResolvePriceQuery = z.infer<typeof ResolvePriceQuerySchema>;

export const PriceResolutionSchema = z
  .object({
    itemId: z.uuid(),
    variantId: z.uuid().nullable(),
    /** Per `unitId`, in `currency`: exact to 6 decimals (a discount is not rounded to cents). */
    unitPrice: DecimalSchema,
    currency: z.string(),
    unitId: z.uuid(),
    quantity: DecimalSchema,
    date: z.string(),
    source: z.object({
      /** `fixed` or `discount` from a price list rule; `base`: the item's list price. */
      kind: z.enum(['fixed', 'discount', 'base']),
      priceListId: z.uuid().nullable(),
      ruleId: z.uuid().nullable(),
    }),
  })
  .meta({ id: 'PriceResolution' });
export type PriceResolution = z.infer<typeof PriceResolutionSchema>;
