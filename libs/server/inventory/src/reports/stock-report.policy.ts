import { ErrorCode, type FieldIssue } from '@nexo/contracts';
import { DomainError } from '@nexo/platform';
import { Money, decimal, decimalString } from '@nexo/utils';

/** The report pages' bounds, those of every list: 1–200 rows, 50 by default. */
export const REPORT_LIMIT_DEFAULT = 50;
export const REPORT_LIMIT_MAX = 200;

/** A nil uuid for a null variant or lot in a keyset: nulls sort first, as this one does. */
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day PostgreSQL takes: `YYYY-MM-DD`, from year 1, and no 30 February. */
const isDay = (value: string): boolean => {
  if (!DAY.test(value) || value.startsWith('0000')) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
};

/** What each position of a report's cursor holds. */
export type CursorPart = 'uuid' | 'day' | 'text';

const invalid = (issues: FieldIssue[]): DomainError =>
  new DomainError(ErrorCode.ValidationFailed, 'The report query is not valid', { issues });

/** The page size asked for, 1–200. */
export function reportLimit(raw: string | undefined): number {
  const limit = raw === undefined ? REPORT_LIMIT_DEFAULT : Number.parseInt(raw, 10);
  if (!Number.isInteger(limit) || limit < 1 || limit > REPORT_LIMIT_MAX)
    throw invalid([{ path: 'limit', code: 'invalid_limit', message: `1 to ${REPORT_LIMIT_MAX}` }]);
  return limit;
}

/**
 * A day of the query as PostgreSQL takes it: the schema's ISO date also lets year 0000 through,
 * which is no date there (it would answer 500 instead of 400).
 */
export function reportDay<T extends string | undefined>(day: T, path: string): T {
  if (day !== undefined && !isDay(day))
    throw invalid([{ path, code: 'invalid_date', message: 'A day from year 1 on' }]);
  return day;
}

/** The keyset of the last row of a page, for the next one. */
export const encodeCursor = (key: readonly string[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

/**
 * A cursor this server made for a report whose keyset has these parts, or a 400: anything
 * else never reaches SQL.
 */
export function decodeCursor(cursor: string | undefined, parts: readonly CursorPart[]) {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const fits =
    Array.isArray(decoded) &&
    decoded.length === parts.length &&
    decoded.every((value, i) => {
      if (typeof value !== 'string') return false;
      const part = parts[i];
      if (part === 'uuid') return UUID.test(value);
      if (part === 'day') return isDay(value);
      return value.length <= 1000 && !/[\u0000\uD800-\uDFFF]/.test(value);
    });
  if (!fits)
    throw invalid([
      {
        path: 'cursor',
        code: 'invalid_cursor',
        message: 'Use the nextCursor of the previous page',
      },
    ]);
  return decoded as string[];
}

/** The page of `limit` rows out of `limit + 1` fetched, and the cursor after it. */
export function pageOf<T>(rows: readonly T[], limit: number, key: (row: T) => string[]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(key(last)) : null,
  };
}

/** A quantity or amount as PostgreSQL's numeric text, in the shortest form ("2.5", "-3"). */
export const plain = (value: string): string => decimalString(decimal(value));

/** `quantity × unitCost` rounded to the currency's minor unit. */
export function valueAt(quantity: string, unitCost: string, currency: string): string {
  return Money.of(unitCost, currency).times(quantity).round().toString();
}

/** One item's (variant's) stock in one warehouse, as stock_levels keep it. */
export interface WarehouseQuantity {
  warehouseId: string;
  quantity: string;
}

/** A part of an item's company value: a warehouse's (null: in transit or nowhere). */
export interface ValuationPart {
  warehouseId: string | null;
  quantity: string;
  value: string;
}

/**
 * The company's value of an item split over where it is: each warehouse holding a positive
 * quantity gets a part in proportion to it, and what the company holds beyond the warehouses
 * (in transit) gets the rest of the quantity's share. Largest remainder (`Money.allocate`),
 * so the parts sum to the company's value to the cent. With no positive quantity anywhere, the
 * whole value is one part of no warehouse.
 */
export function allocateValue(
  company: { quantity: string; value: string },
  levels: readonly WarehouseQuantity[],
  currency: string,
): ValuationPart[] {
  const parts: { warehouseId: string | null; quantity: string }[] = levels
    .filter((l) => decimal(l.quantity).isPositive() && !decimal(l.quantity).isZero())
    .map((l) => ({ warehouseId: l.warehouseId, quantity: l.quantity }));
  const inWarehouses = levels.reduce((sum, l) => sum.plus(decimal(l.quantity)), decimal('0'));
  const beyond = decimal(company.quantity).minus(inWarehouses);
  if (beyond.isPositive() && !beyond.isZero())
    parts.push({ warehouseId: null, quantity: decimalString(beyond) });
  const value = Money.of(company.value, currency);
  if (parts.length === 0)
    return [{ warehouseId: null, quantity: plain(company.quantity), value: value.toString() }];
  const shares = value.allocate(parts.map((p) => p.quantity));
  return parts.map((p, i) => ({
    warehouseId: p.warehouseId,
    quantity: plain(p.quantity),
    value: (shares[i] as Money).toString(),
  }));
}

/** `days` days before `today` (YYYY-MM-DD, UTC). */
export function daysBefore(today: string, days: number): string {
  const at = new Date(`${today}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - days);
  return at.toISOString().slice(0, 10);
}
