import { z } from 'zod';
import { CountrySchema, CurrencySchema } from '../common/values.js';
import { checkTaxId } from '../crm/tax-id.js';

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
    country: z.string(),
    /** The base currency: books and reports are kept in it. */
    currency: z.string(),
    /** Other currencies the company sells and buys in. */
    currencies: z.array(z.string()),
    locale: z.string(),
    timezone: z.string(),
    status: z.string(),
    requireMfaEmployees: z.boolean(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'Tenant' });

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
