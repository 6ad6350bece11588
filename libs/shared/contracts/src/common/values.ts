import { minorUnits } from '@nexo/utils';
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
 * answers with, so whatever is stored also leaves through the response schema. A string that
 * is no decimal stops here (`abort`): zod runs later refinements even after a failed check,
 * and one that calls `decimal()` (at most 100, greater than 0) would throw on it: a 500.
 */
export const columnDecimal = (integerDigits: number, scale: number) =>
  z
    .string()
    .regex(new RegExp(`^\\d{1,${integerDigits}}${scale > 0 ? `(\\.\\d{1,${scale}})?` : ''}$`), {
      message: `A non-negative decimal with at most ${integerDigits} digits before the point and ${scale} after it`,
      abort: true,
    });

/**
 * An amount of money in a `numeric(20, 4)` column (credit limits, opportunity amounts),
 * stored rounded to its currency's minor unit: the schema takes up to 4 decimals (CLF has
 * 4), the service refuses more than the currency has (`"10.5"` for CLP).
 */
export const AmountSchema = columnDecimal(14, 4).meta({ id: 'Amount' });

/**
 * Why `amount` has more decimals than `currency` keeps (ISO 4217 minor units: `"10.5"` in
 * CLP, `"1.005"` in ARS), or null. An amount is stored rounded to its currency's minor unit;
 * more decimals are refused, never rounded silently. An unknown currency is its own error.
 */
export function amountDecimalsIssue(amount: string, currency: string): string | null {
  let places: number;
  try {
    places = minorUnits(currency);
  } catch {
    return null;
  }
  const decimals = (amount.split('.')[1] ?? '').replace(/0+$/, '').length;
  if (decimals <= places) return null;
  return places === 0
    ? `${currency} amounts have no decimals`
    : `${currency} amounts have at most ${places} decimals`;
}

/** A unit price or cost in a `numeric(20, 6)` column: at most 6 decimals, refused beyond. */
export const UnitPriceSchema = columnDecimal(14, 6).meta({ id: 'UnitPrice' });

/** A quantity (or a unit's conversion factor) in a `numeric(20, 6)` column. */
export const QuantitySchema = columnDecimal(14, 6).meta({ id: 'Quantity' });

/** ISO 4217 currency code. */
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. ARS');
/** ISO 3166-1 alpha-2 country code. */
export const CountrySchema = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 code, e.g. AR');
/** A calendar date, `YYYY-MM-DD`. */
export const DateOnlySchema = z.iso.date();
/** Tags: short lowercase labels. */
export const TagsSchema = z.array(z.string().trim().min(1).max(40)).max(30);
