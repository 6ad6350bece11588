import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type {
  KardexQuery,
  SlowMoversQuery,
  StockReportQuery,
  ValuationQuery,
} from '@nexo/contracts/inventory';
import { PermissionService } from '@nexo/permissions';
import { exportListCsv } from '@nexo/records';
import { currentPrincipal } from '@nexo/platform';
import { Money, decimal, decimalString } from '@nexo/utils';
import type { Writable } from 'node:stream';
import { StockReportRepository, type LevelRow } from './stock-report.repository.js';
import {
  NIL_UUID,
  allocateValue,
  daysBefore,
  decodeCursor,
  pageOf,
  plain,
  reportDay,
  reportLimit,
  valueAt,
} from './stock-report.policy.js';

export const STOCK_SUBJECT = 'inventory.stock';
export const VALUATION_SUBJECT = 'inventory.valuation';

/** Of the stock subject's fields, those that tell what stock cost (hidden from some roles). */
const COST_FIELDS = ['unitCost', 'value'] as const;
const STOCK_CSV_COLUMNS = [
  'locationPath',
  'locationId',
  'warehouseId',
  'itemId',
  'variantId',
  'lotId',
  'quantity',
  'unitCost',
  'value',
] as const;
const VALUATION_CSV_COLUMNS = [
  'itemId',
  'variantId',
  'warehouseId',
  'quantity',
  'unitCost',
  'value',
] as const;

/** A type, not an interface: a CSV page reads it as a record. */
export type StockLine = {
  locationId: string;
  locationPath: string;
  warehouseId: string | null;
  itemId: string;
  variantId: string | null;
  lotId: string | null;
  quantity: string;
  unitCost?: string | null;
  value?: string;
};

export type ValuationLine = {
  itemId: string;
  variantId: string | null;
  warehouseId: string | null;
  quantity: string;
  unitCost: string;
  value: string;
};

const key = (itemId: string, variantId: string | null) => `${itemId}:${variantId ?? ''}`;

/**
 * Inventory's reports (issue 26, point 9). Stock at a past date and the kardex's opening
 * balance sum the daily summaries kept as moves post, so they cost what the summaries of the
 * asked scope cost, not what the ledger holds (erp.md §4). Costs and values are left out for
 * readers whose role hides `unit_cost` and `value` of the stock.
 */
@Injectable()
export class StockReportService {
  constructor(
    @Inject(StockReportRepository) private readonly reports: StockReportRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  /** What of the costs the reader sees: the unit cost, the value (and every sum of values). */
  private async costs(): Promise<{ unitCost: boolean; value: boolean }> {
    const readable = await this.permissions.readableFields(STOCK_SUBJECT, COST_FIELDS);
    return { unitCost: readable.includes('unitCost'), value: readable.includes('value') };
  }

  /** Stock on hand by location, item, variant and lot: now, or at the end of `query.date`. */
  async stock(query: StockReportQuery) {
    const { tenantId } = currentPrincipal();
    const limit = reportLimit(query.limit);
    const after = decodeCursor(query.cursor, ['text', 'uuid', 'uuid', 'uuid']);
    const filter = {
      warehouseId: query.warehouseId,
      locationId: query.locationId,
      itemId: query.itemId,
      variantId: query.variantId,
      lotId: query.lotId,
    };
    const day = reportDay(query.date, 'date');
    // One statement at a time: the request's connection runs them in turn anyway, and two sent
    // at once may both prepare the same named statement.
    const currency = await this.reports.companyCurrency(tenantId);
    const costs = await this.costs();
    const rows =
      day !== undefined
        ? await this.reports.stockAt(tenantId, day, filter, after, limit + 1)
        : await this.reports.stockNow(tenantId, filter, after, limit + 1);
    const page = pageOf(rows, limit, (r) => [
      r.locationPath,
      r.itemId,
      r.variantId ?? NIL_UUID,
      r.lotId ?? NIL_UUID,
    ]);
    const items = page.items.map((r): StockLine => {
      const line: StockLine = {
        locationId: r.locationId,
        locationPath: r.locationPath,
        warehouseId: r.warehouseId,
        itemId: r.itemId,
        variantId: r.variantId,
        lotId: r.lotId,
        quantity: plain(r.quantity),
      };
      if (costs.unitCost) line.unitCost = r.unitCost === null ? null : plain(r.unitCost);
      if (costs.value) {
        line.value =
          r.value !== null
            ? Money.of(r.value, currency).toString()
            : valueAt(r.quantity, r.unitCost ?? '0', currency);
      }
      return line;
    });
    return { date: query.date ?? null, currency, items, nextCursor: page.nextCursor };
  }

  /** The stock report as CSV: the columns the reader may read, every page, audited. */
  exportStockCsv(query: StockReportQuery, open: () => Writable): Promise<number> {
    return exportListCsv(
      { permissions: this.permissions, audit: this.audit },
      {
        subject: STOCK_SUBJECT,
        columns: STOCK_CSV_COLUMNS,
        page: (q) =>
          this.stock({
            ...query,
            limit: q.limit as string,
            cursor: q.cursor as string | undefined,
          }),
      },
      query,
      open,
    );
  }

  /**
   * An item's moves into and out of a warehouse (every internal and transit location without
   * one), by effective date and id, with the scope's running quantity and value.
   */
  async kardex(query: KardexQuery) {
    const { tenantId } = currentPrincipal();
    const limit = reportLimit(query.limit);
    const after = decodeCursor(query.cursor, ['day', 'uuid']);
    const start = after?.[0] ?? reportDay(query.from, 'from');
    reportDay(query.to, 'to');
    const currency = await this.reports.companyCurrency(tenantId);
    const costs = await this.costs();
    const found = await this.reports.kardex(
      tenantId,
      {
        itemId: query.itemId,
        variantId: query.variantId,
        warehouseId: query.warehouseId,
        start,
        to: query.to,
      },
      after,
      limit + 1,
    );
    const page = pageOf(found.rows, limit, (r) => [r.effectiveDate, r.moveId]);
    const money = (amount: string) => Money.of(amount, currency).toString();
    return {
      itemId: query.itemId,
      variantId: query.variantId ?? null,
      warehouseId: query.warehouseId ?? null,
      currency,
      openingQuantity: plain(found.openingQuantity),
      ...(costs.value ? { openingValue: money(found.openingValue) } : {}),
      items: page.items.map((r) => ({
        moveId: r.moveId,
        effectiveDate: r.effectiveDate,
        sourceType: r.sourceType,
        sourceId: r.sourceId,
        fromLocationId: r.fromLocationId,
        toLocationId: r.toLocationId,
        variantId: r.variantId,
        lotId: r.lotId,
        quantity: plain(r.quantity),
        ...(costs.unitCost ? { unitCost: plain(r.unitCost) } : {}),
        ...(costs.value ? { value: money(r.value) } : {}),
        balanceQuantity: plain(r.balanceQuantity),
        ...(costs.value ? { balanceValue: money(r.balanceValue) } : {}),
      })),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * The company's value of each item split over its warehouses by quantity (to the cent, so the
   * parts sum to the company's value), a page of those lines, and the totals over all of them.
   */
  async valuation(query: ValuationQuery) {
    const { tenantId } = currentPrincipal();
    const limit = reportLimit(query.limit);
    const after = decodeCursor(query.cursor, ['uuid', 'uuid', 'uuid']);
    const currency = await this.reports.companyCurrency(tenantId);
    const costRows = await this.reports.itemCosts(tenantId, query.itemId);
    const levelRows = await this.reports.levels(tenantId, query.itemId);
    const levels = new Map<string, LevelRow[]>();
    for (const level of levelRows) {
      const k = key(level.itemId, level.variantId);
      const list = levels.get(k);
      if (list) list.push(level);
      else levels.set(k, [level]);
    }
    const lines: ValuationLine[] = [];
    const byWarehouse = new Map<string | null, { quantity: string[]; value: Money[] }>();
    const company: Money[] = [];
    const companyQuantity: string[] = [];
    for (const cost of costRows) {
      const parts = allocateValue(
        cost,
        (levels.get(key(cost.itemId, cost.variantId)) ?? [])
          .map((l) => ({ warehouseId: l.warehouseId, quantity: l.onHand }))
          .sort((a, b) => (a.warehouseId < b.warehouseId ? -1 : 1)),
        currency,
      );
      company.push(Money.of(cost.value, currency));
      companyQuantity.push(cost.quantity);
      for (const part of parts) {
        if (query.warehouseId !== undefined && part.warehouseId !== query.warehouseId) continue;
        lines.push({
          itemId: cost.itemId,
          variantId: cost.variantId,
          warehouseId: part.warehouseId,
          quantity: part.quantity,
          unitCost: plain(cost.unitCost),
          value: part.value,
        });
        const total = byWarehouse.get(part.warehouseId) ?? { quantity: [], value: [] };
        total.quantity.push(part.quantity);
        total.value.push(Money.of(part.value, currency));
        byWarehouse.set(part.warehouseId, total);
      }
    }
    const lineKey = (l: ValuationLine) => [
      l.itemId,
      l.variantId ?? NIL_UUID,
      l.warehouseId ?? 'ffffffff-ffff-ffff-ffff-ffffffffffff',
    ];
    const start = after ? lines.findIndex((l) => compareKeys(lineKey(l), after) > 0) : 0;
    const rest = start < 0 ? [] : lines.slice(start, start + limit + 1);
    const page = pageOf(rest, limit, lineKey);
    return {
      currency,
      items: page.items,
      nextCursor: page.nextCursor,
      totals: {
        warehouses: [...byWarehouse.entries()]
          .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
          .map(([warehouseId, t]) => ({
            warehouseId,
            quantity: sumQuantities(t.quantity),
            value: Money.sum(t.value, currency).toString(),
          })),
        quantity: sumQuantities(companyQuantity),
        value: Money.sum(company, currency).toString(),
      },
    };
  }

  /** The valuation lines as CSV, every page, audited. */
  exportValuationCsv(query: ValuationQuery, open: () => Writable): Promise<number> {
    return exportListCsv(
      { permissions: this.permissions, audit: this.audit },
      {
        subject: VALUATION_SUBJECT,
        columns: VALUATION_CSV_COLUMNS,
        page: (q) =>
          this.valuation({
            ...query,
            limit: q.limit as string,
            cursor: q.cursor as string | undefined,
          }),
      },
      query,
      open,
    );
  }

  /** Stock per item and warehouse with nothing moved for `days` days (90), oldest first. */
  async slowMovers(query: SlowMoversQuery, today = new Date().toISOString().slice(0, 10)) {
    const { tenantId } = currentPrincipal();
    const limit = reportLimit(query.limit);
    const after = decodeCursor(query.cursor, ['day', 'uuid', 'uuid', 'uuid']);
    const before = daysBefore(today, query.days === undefined ? 90 : Number(query.days));
    const currency = await this.reports.companyCurrency(tenantId);
    const costs = await this.costs();
    const rows = await this.reports.slowMovers(
      tenantId,
      before,
      query.warehouseId,
      after,
      limit + 1,
    );
    const page = pageOf(rows, limit, (r) => [
      r.lastMoveOn ?? '0001-01-01',
      r.itemId,
      r.variantId ?? NIL_UUID,
      r.warehouseId,
    ]);
    return {
      before,
      currency,
      items: page.items.map((r) => ({
        itemId: r.itemId,
        variantId: r.variantId,
        warehouseId: r.warehouseId,
        quantity: plain(r.quantity),
        lastMoveOn: r.lastMoveOn,
        ...(costs.unitCost && r.unitCost !== null ? { unitCost: plain(r.unitCost) } : {}),
        ...(costs.value ? { value: valueAt(r.quantity, r.unitCost ?? '0', currency) } : {}),
      })),
      nextCursor: page.nextCursor,
    };
  }
}

/** Keys compare as the SQL keysets do: position by position, as strings (uuids, days). */
function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function sumQuantities(quantities: readonly string[]): string {
  return decimalString(quantities.reduce((sum, q) => sum.plus(decimal(q)), decimal('0')));
}
