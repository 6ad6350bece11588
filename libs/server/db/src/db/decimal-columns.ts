import { customType } from 'drizzle-orm/pg-core';

/** "21.000000" → "21", "0.500000" → "0.5", "-0.000" → "0": the shortest exact string. */
export function trimDecimal(value: string): string {
  if (!value.includes('.')) return value === '-0' ? '0' : value;
  const trimmed = value.replace(/\.?0+$/, '');
  return trimmed === '-0' || trimmed === '' ? '0' : trimmed;
}

/**
 * A `numeric(precision, scale)` column read as its shortest decimal string: PostgreSQL pads
 * to the scale ("21.000000"), which is noise in the API and in a person's form. The value is
 * the same; nothing is rounded. Amounts that must show their currency's decimals are
 * formatted by `Money` where the currency is known.
 */
const trimmedNumeric = (precision: number, scale: number) =>
  customType<{ data: string; driverData: string }>({
    dataType: () => `numeric(${precision}, ${scale})`,
    fromDriver: (value) => trimDecimal(value),
  });

/** Kinds of decimal column and their scales (erp.md §1). */
export const decimalColumns = {
  /** Money amounts, stored rounded to their currency's minor unit. */
  amount: (name: string) => trimmedNumeric(20, 4)(name),
  /** Unit prices and costs. */
  unitPrice: (name: string) => trimmedNumeric(20, 6)(name),
  /** Quantities and conversion factors. */
  quantity: (name: string) => trimmedNumeric(20, 6)(name),
  /** Exchange rates. */
  rate: (name: string) => trimmedNumeric(24, 10)(name),
  /** Percentages: tax rates, discounts. */
  percent: (name: string) => trimmedNumeric(9, 6)(name),
};
