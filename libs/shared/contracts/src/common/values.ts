import { z } from 'zod';

/**
 * Money and quantities travel as decimal strings ("1234.50"), never as JSON numbers, so no
 * amount is rounded by a float on the way. Columns are `numeric`; arithmetic is done in SQL
 * or with integer minor units.
 */
export const DecimalSchema = z
  .string()
  .regex(/^-?\d{1,14}(\.\d{1,6})?$/, 'A decimal number such as 1234.50')
  .meta({ id: 'Decimal' });
export const NonNegativeDecimalSchema = DecimalSchema.refine(
  (v) => !v.startsWith('-'),
  'Must not be negative',
);

/** ISO 4217 currency code. */
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. ARS');
/** ISO 3166-1 alpha-2 country code. */
export const CountrySchema = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 code, e.g. AR');
/** A calendar date, `YYYY-MM-DD`. */
export const DateOnlySchema = z.iso.date();
/** Tags: short lowercase labels. */
export const TagsSchema = z.array(z.string().trim().min(1).max(40)).max(30);
