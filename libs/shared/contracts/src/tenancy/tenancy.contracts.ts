import { z } from 'zod';
import { CountrySchema, CurrencySchema, DateOnlySchema, columnDecimal } from '../common/values.js';
import { IMPORT_MODES, ImportResultSchema } from '../crm/party.contracts.js';
import { ListQuerySchema } from '../http/list.contracts.js';
import { checkTaxId } from '../crm/tax-id.js';
import { TaxConditionSchema } from '../common/tax-condition.js';

/** An IANA time zone the runtime knows (`America/Argentina/Buenos_Aires`, `UTC`). */
export function isTimeZone(value: string): boolean {
  // Offsets such as "+03:00" are valid for Intl but not zones a company lives in.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'An IANA time zone, e.g. America/Argentina/Buenos_Aires');

/** Accepted currencies besides the base one: distinct ISO 4217 codes. */
export const CurrenciesSchema = z
  .array(CurrencySchema)
  .max(20)
  .refine((list) => new Set(list).size === list.length, 'Each currency once');

/** The company as its members see it; fields a role may not read are left out. */
export const TenantSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    legalName: z.string().nullable(),
    taxId: z.string().nullable(),
    /** Its tax condition under its country's pack (`responsable_inscripto`, …). */
    taxCondition: z.string().nullable(),
    country: z.string(),
    /** The base currency: books and reports are kept in it. */
    currency: z.string(),
    /** Other currencies the company sells and buys in. */
    currencies: z.array(z.string()),
    locale: z.string(),
    timezone: z.string(),
    status: z.string(),
    requireMfaEmployees: z.boolean(),
    /** The company has a logo (`GET /tenancy/tenants/{id}/logo`) for its documents. */
    hasLogo: z.boolean(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'Tenant' });

/** A company's logo, printed on its documents' PDFs: what the PDF renderer embeds. */
export const TENANT_LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export const TENANT_LOGO_MAX_BYTES = 512 * 1024;

const Text = (max: number) => z.string().trim().min(1).max(max);

/**
 * The company's settings; only what is sent changes. The tax id is checked against the
 * company's country (the one sent, else the stored one) by the service, which knows both.
 */
export const UpdateTenantInputSchema = z
  .strictObject({
    name: Text(200),
    legalName: Text(200).nullable(),
    taxId: Text(40).nullable(),
    /** One of the tax conditions of the company's country (checked by the service). */
    taxCondition: TaxConditionSchema.nullable(),
    country: CountrySchema,
    currency: CurrencySchema,
    currencies: CurrenciesSchema,
    locale: z.enum(['es', 'en']),
    timezone: TimeZoneSchema,
    requireMfaEmployees: z.boolean(),
  })
  .partial();
export type UpdateTenantInput = z.infer<typeof UpdateTenantInputSchema>;

/** The field issue of a tax id that fails its country's check, or null (form and service). */
export function tenantTaxIdIssue(
  country: string,
  taxId: string | null | undefined,
): { path: string; code: string; message: string } | null {
  if (!taxId) return null;
  const check = checkTaxId(country, taxId);
  return check.valid ? null : { path: 'taxId', code: 'invalid_tax_id', message: check.reason };
}

// ————— document numbering —————

/** The documents NEXO numbers; each has its own series (invoice A, invoice B, …). */
export const DOCUMENT_TYPES = [
  'invoice',
  'credit-note',
  'debit-note',
  'quote',
  'sales-order',
  'delivery-note',
  'purchase-order',
  'receipt',
] as const;

const seriesSettings = {
  /** Printed before the number: `FA-`. */
  prefix: z.string().trim().max(20),
  /** Digits, zero-padded: 8 → `00000042`. */
  padding: z.number().int().min(1).max(20),
  /** Start again at 1 every calendar year (the year then appears in the number). */
  yearlyReset: z.boolean(),
  /** The number the next document gets; it may only move forward. */
  next: z.number().int().min(1).max(999_999_999_999),
};

export const CreateNumberSeriesInputSchema = z.strictObject({
  documentType: z.enum(DOCUMENT_TYPES),
  series: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,9}$/, 'Capital letters, digits and dashes, up to 10'),
  prefix: seriesSettings.prefix.default(''),
  padding: seriesSettings.padding.default(8),
  yearlyReset: seriesSettings.yearlyReset.default(false),
  next: seriesSettings.next.default(1),
});
export type CreateNumberSeriesInput = z.infer<typeof CreateNumberSeriesInputSchema>;

export const UpdateNumberSeriesInputSchema = z.strictObject(seriesSettings).partial();
export type UpdateNumberSeriesInput = z.infer<typeof UpdateNumberSeriesInputSchema>;

export const NumberSeriesSchema = z
  .object({
    id: z.uuid(),
    documentType: z.string(),
    series: z.string(),
    prefix: z.string(),
    padding: z.number().int(),
    yearlyReset: z.boolean(),
    /** The year the counter belongs to, when it resets yearly. */
    year: z.number().int().nullable(),
    next: z.number().int(),
    /** How the next number will print: `FA-2026-00000042`. */
    preview: z.string(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .meta({ id: 'NumberSeries' });

// ————— exchange rates —————

/**
 * An exchange rate in a `numeric(24, 10)` column: greater than 0, at most 14 digits before the
 * point and 10 after it ("1 unit of a currency = rate units of the base currency").
 */
export const RateSchema = columnDecimal(14, 10)
  .refine((v) => /[1-9]/.test(v), 'Must be greater than 0')
  .meta({ id: 'Rate' });

/** Where a rate came from: typed in, or a CSV import. */
export const EXCHANGE_RATE_SOURCES = ['manual', 'csv'] as const;

/**
 * A rate of the company: on `date`, 1 unit of `currency` is worth `rate` units of the base
 * currency (`baseCurrency`, the company's `currency`).
 */
export const ExchangeRateSchema = z
  .object({
    id: z.uuid(),
    currency: z.string(),
    /** The company's base currency, the one `rate` is in. */
    baseCurrency: z.string(),
    date: z.string(),
    rate: z.string(),
    source: z.enum(EXCHANGE_RATE_SOURCES),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .meta({ id: 'ExchangeRate' });

/** A rate's date: a calendar day PostgreSQL stores (years 1900 to 2999). */
export const RateDateSchema = DateOnlySchema.refine(
  (v) => v >= '1900-01-01' && v <= '2999-12-31',
  'A date from 1900 to 2999',
);

/** A rate for a currency on a date; a second one for the same currency and date replaces it. */
export const SaveExchangeRateInputSchema = z.strictObject({
  /** Any ISO 4217 code but the company's base currency. */
  currency: CurrencySchema,
  date: RateDateSchema,
  rate: RateSchema,
});
export type SaveExchangeRateInput = z.infer<typeof SaveExchangeRateInputSchema>;

/** "The rate on a date": the latest on or before `date` (the company's today when absent). */
export const ExchangeRateOnQuerySchema = z.object({
  currency: CurrencySchema,
  date: RateDateSchema.optional(),
});

/** The list's query: its filters and sorts, and the dates from and to (both included). */
export const ExchangeRateListQuerySchema = ListQuerySchema.extend({
  from: RateDateSchema.optional().meta({ description: 'Rates on or after this date' }),
  to: RateDateSchema.optional().meta({ description: 'Rates on or before this date' }),
});

export const ExchangeRateOnSchema = z
  .object({
    currency: z.string(),
    baseCurrency: z.string(),
    /** The date asked about. */
    date: z.string(),
    /** The date of the rate that applies: `date` or the latest before it. */
    rateDate: z.string(),
    rate: z.string(),
  })
  .meta({ id: 'ExchangeRateOn' });

/** A CSV of rates: a header `currency,date,rate`, then one rate a line. */
export const ImportExchangeRatesInputSchema = z.strictObject({
  csv: z.string().min(1).max(500_000),
  /** All rows or none when any is wrong (default), or the valid rows and a report. */
  mode: z.enum(IMPORT_MODES).default('all-or-nothing'),
});
export type ImportExchangeRatesInput = z.infer<typeof ImportExchangeRatesInputSchema>;

/** What an import did: the party import's report (`ImportResult`), with the base currency. */
export const ExchangeRateImportResultSchema = ImportResultSchema.extend({
  baseCurrency: z.string(),
}).meta({ id: 'ExchangeRateImportResult' });
export type ExchangeRateImportResult = z.infer<typeof ExchangeRateImportResultSchema>;

// ————— points of sale —————

/** A point of sale's number: 1 to 99999 (Argentina's AFIP range), printed with 5 digits. */
export const PointOfSaleNumberSchema = z.number().int().min(1).max(99_999);

/** A point of sale of the company: it numbers its own invoices (`00001-00000001`). */
export const PointOfSaleSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    name: z.string(),
    active: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'PointOfSale' });

export const CreatePointOfSaleInputSchema = z.strictObject({
  number: PointOfSaleNumberSchema,
  name: Text(100),
  active: z.boolean().default(true),
});
export type CreatePointOfSaleInput = z.infer<typeof CreatePointOfSaleInputSchema>;

/** Rename or (de)activate; the number stays what was registered (a new one is a new point). */
export const UpdatePointOfSaleInputSchema = z
  .strictObject({ name: Text(100), active: z.boolean() })
  .partial();
export type UpdatePointOfSaleInput = z.infer<typeof UpdatePointOfSaleInputSchema>;
