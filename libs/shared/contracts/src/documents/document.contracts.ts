import { PaymentTermsSchema, TAX_KINDS } from '@nexo/commerce';
import { decimal } from '@nexo/utils';
import { z } from 'zod';
import { columnDecimal, CurrencySchema, DateOnlySchema, DecimalSchema } from '../common/values.js';

/** A line's quantity: more than zero, six decimals at most (`numeric(20,6)`). */
const LineQuantitySchema = columnDecimal(14, 6).refine(
  (v) => decimal(v).isPositive() && !decimal(v).isZero(),
  'Must be greater than zero',
);
const LinePriceSchema = columnDecimal(14, 6);
const LinePercentSchema = columnDecimal(3, 6).refine(
  (v) => !decimal(v).greaterThan(100),
  'At most 100',
);

/** A document line as a caller writes it; the kit computes its figures. */
export const DocumentLineInputSchema = z.strictObject({
  itemId: z.uuid().nullable().optional(),
  variantId: z.uuid().nullable().optional(),
  description: z.string().trim().min(1).max(2000),
  quantity: LineQuantitySchema,
  /** The unit's code (`u`, `kg`). */
  unit: z.string().trim().min(1).max(20),
  unitPrice: LinePriceSchema,
  discountPercent: LinePercentSchema.optional(),
  /** The company's taxes that apply to the line. */
  taxIds: z.array(z.uuid()).max(10).default([]),
});
export type DocumentLineInput = z.infer<typeof DocumentLineInputSchema>;

/** A draft's header as a caller writes it: number, state and totals are the kit's. */
export const documentHeaderFields = {
  partyId: z.uuid(),
  contactId: z.uuid().nullable().optional(),
  currency: CurrencySchema,
  /** 1 of the document's currency in the company's; looked up on the date when absent. */
  exchangeRate: columnDecimal(14, 10).optional(),
  documentDate: DateOnlySchema,
  validUntil: DateOnlySchema.nullable().optional(),
  dueDate: DateOnlySchema.nullable().optional(),
  /** Net days, end of month or installments; the due dates follow when it is issued. */
  paymentTerms: PaymentTermsSchema.nullable().optional(),
  language: z.enum(['es', 'en']).optional(),
  ownerId: z.uuid().nullable().optional(),
  notes: z.string().max(4000).nullable().optional(),
  discountPercent: LinePercentSchema.optional(),
  roundingLevel: z.enum(['line', 'document']).optional(),
  roundingMode: z.enum(['half-up', 'half-even']).optional(),
  /** Perceptions and withholdings that apply to the whole document. */
  documentTaxIds: z.array(z.uuid()).max(10).optional(),
};

/** `POST` of a document type: its header and lines. */
export const documentCreateSchema = <E extends z.ZodRawShape = Record<never, never>>(
  extra: E = {} as E,
) =>
  z.strictObject({
    ...documentHeaderFields,
    ...extra,
    lines: z.array(DocumentLineInputSchema).max(1000).default([]),
  });

/** `PATCH` of a draft: any header field and, when given, all its lines (replaced). */
export const documentUpdateSchema = <E extends z.ZodRawShape = Record<never, never>>(
  extra: E = {} as E,
) =>
  z
    .strictObject({
      ...documentHeaderFields,
      ...extra,
      lines: z.array(DocumentLineInputSchema).max(1000),
    })
    .partial();

const TaxOnLineSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(TAX_KINDS),
  rate: DecimalSchema,
});

export const TaxBreakdownEntrySchema = z
  .object({
    taxId: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(TAX_KINDS),
    rate: DecimalSchema,
    base: DecimalSchema,
    amount: DecimalSchema,
  })
  .meta({ id: 'TaxBreakdownEntry' });

/** A stored line with its figures, in the document's currency. */
export const DocumentLineSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    itemId: z.uuid().nullable(),
    variantId: z.uuid().nullable(),
    description: z.string(),
    quantity: DecimalSchema,
    unit: z.string(),
    unitPrice: DecimalSchema,
    discountPercent: DecimalSchema,
    taxes: z.array(TaxOnLineSchema),
    net: DecimalSchema,
    taxAmount: DecimalSchema,
    total: DecimalSchema,
    /** The line of an earlier document this one came from. */
    sourceLineId: z.uuid().nullable(),
    /** How much of this line later documents took. */
    doneQuantity: DecimalSchema,
  })
  .meta({ id: 'DocumentLine' });

/**
 * A document as a role may read it. Every amount is in `currency`; `exchangeRate` gives the
 * company's currency. `name` is the schema's id in the API document (`Invoice`).
 */
export const documentSchema = <E extends z.ZodRawShape = Record<never, never>>(
  name: string,
  extra: E = {} as E,
) =>
  z
    .object({
      id: z.uuid(),
      state: z.string(),
      /** Null until the document is issued. */
      number: z.string().nullable(),
      partyId: z.uuid(),
      contactId: z.uuid().nullable(),
      partySnapshot: z.record(z.string(), z.unknown()).nullable(),
      currency: z.string(),
      exchangeRate: DecimalSchema,
      documentDate: DateOnlySchema,
      validUntil: DateOnlySchema.nullable(),
      dueDate: DateOnlySchema.nullable(),
      paymentTerms: z.unknown().nullable(),
      language: z.string(),
      ownerId: z.uuid().nullable(),
      notes: z.string().nullable(),
      discountPercent: DecimalSchema,
      roundingLevel: z.string(),
      roundingMode: z.string(),
      documentTaxes: z.array(TaxOnLineSchema),
      net: DecimalSchema,
      taxes: DecimalSchema,
      withheld: DecimalSchema,
      rounding: DecimalSchema,
      total: DecimalSchema,
      taxBreakdown: z.array(TaxBreakdownEntrySchema),
      issuedAt: z.date().nullable(),
      issuedBy: z.uuid().nullable(),
      createdAt: z.date(),
      updatedAt: z.date(),
      version: z.number().int(),
      lines: z.array(DocumentLineSchema),
      ...extra,
    })
    .partial()
    .required({ id: true })
    .meta({ id: name });

/** Lines taken from an earlier document's lines: which, and how much of what remains. */
export const DeriveLinesInputSchema = z.strictObject({
  lines: z
    .array(z.strictObject({ sourceLineId: z.uuid(), quantity: LineQuantitySchema }))
    .min(1)
    .max(1000),
});

export const LineProgressSchema = z
  .object({
    lineId: z.uuid(),
    quantity: DecimalSchema,
    done: DecimalSchema,
    remaining: DecimalSchema,
  })
  .meta({ id: 'LineProgress' });

/** Sending a document by email: to its contact unless another address is given. */
export const SendDocumentInputSchema = z.strictObject({
  to: z.email().optional(),
  message: z.string().max(4000).optional(),
});
