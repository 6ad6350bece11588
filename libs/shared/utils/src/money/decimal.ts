import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The one decimal type of NEXO (ADR 0016): decimal.js, configured once. 50 significant
 * digits hold any `numeric(24,10)` rate times any `numeric(20,6)` quantity times any
 * `numeric(20,6)` price without rounding; results are rounded only where a rule says so
 * (a currency's minor unit, a column's scale). No exponent notation in strings: they go to
 * PostgreSQL and to JSON as they are.
 */
export const Decimal = DecimalJs.clone({
  precision: 50,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -50,
  toExpPos: 50,
});
export type Decimal = InstanceType<typeof Decimal>;
/** What a decimal may be made of: a decimal string, a bigint or another decimal; never a float. */
export type DecimalInput = string | bigint | Decimal;

/** Half-up (away from zero at .5) is the default; half-even where a country's rule says so. */
export type RoundingMode = 'half-up' | 'half-even';
const ROUNDING = {
  'half-up': DecimalJs.ROUND_HALF_UP,
  'half-even': DecimalJs.ROUND_HALF_EVEN,
} as const;

const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;

/**
 * A decimal from a string, a bigint or a decimal. Strings must be plain decimals
 * ("-1234.5"): no exponent, no thousands separator, no blanks, so a typo is an error
 * rather than a different number.
 */
export function decimal(value: DecimalInput): Decimal {
  if (typeof value === 'string') {
    if (!DECIMAL_STRING.test(value)) throw new RangeError(`Not a decimal: "${value}"`);
    return new Decimal(value);
  }
  if (typeof value === 'bigint') return new Decimal(value.toString());
  return value;
}

/** `value` rounded to `places` decimals with `mode`. */
export function roundDecimal(value: Decimal, places: number, mode: RoundingMode = 'half-up') {
  return value.toDecimalPlaces(places, ROUNDING[mode]);
}

/** The shortest plain string of a decimal ("12.5", "-3", "0.000001"); `-0` is "0". */
export function decimalString(value: Decimal): string {
  return value.isZero() ? '0' : value.toFixed();
}

/**
 * A decimal string with at least `min` and at most `max` decimals, trailing zeros beyond
 * `min` dropped: a quantity "2.500000" reads "2.5", an amount "10" reads "10.00".
 */
export function decimalFixed(value: Decimal, min: number, max = min): string {
  const rounded = roundDecimal(value, max);
  const places = Math.max(min, rounded.decimalPlaces());
  return (rounded.isZero() ? new Decimal(0) : rounded).toFixed(places);
}
