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

/**
 * A non-negative decimal that fits a `numeric(p, s)` column exactly: at most `scale`
 * decimals (the column would round more, and the rounded value might no longer fit) and
 * `integerDigits` before the point. `integerDigits` is at most the 14 `DecimalSchema`
 * answers with, so whatever is stored also leaves through the response schema.
 */
export const columnDecimal = (integerDigits: number, scale: number) =>
  z
    .string()
    .regex(
      new RegExp(`^\\d{1,${integerDigits}}${scale > 0 ? `(\\.\\d{1,${scale}})?` : ''}$`),
      `A non-negative decimal with at most ${integerDigits} digits before the point and ${scale} after it`,
    );

/** An amount of money in a `numeric(18, 2)` column (credit limits, opportunity amounts). */
export const AmountSchema = columnDecimal(14, 2).meta({ id: 'Amount' });

/** ISO 4217 currency code. */
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. ARS');
/** ISO 3166-1 alpha-2 country code. */
export const CountrySchema = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 code, e.g. AR');
/** A calendar date, `YYYY-MM-DD`. */
export const DateOnlySchema = z.iso.date();
/** Tags: short lowercase labels. */
export const TagsSchema = z.array(z.string().trim().min(1).max(40)).max(30);
