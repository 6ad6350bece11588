import { Inject, Injectable } from '@nestjs/common';
import { Ledger, type LedgerLineInput } from '@nexo/accounts';
import type { PostingPurpose } from '@nexo/contracts/accounts';
import type { StockValuationEntry, StockValuationSink } from '@nexo/inventory';
import { decimal } from '@nexo/utils';

/** What the other side of a valued move is, by the kind of location it came from or went to. */
const COUNTERPART: Record<string, PostingPurpose> = {
  supplier: 'grni',
  customer: 'cogs',
  production: 'production',
  adjustment: 'stock_adjustment',
  scrap: 'stock_adjustment',
};

/** The lines of one valued move: stock (by warehouse) against its counterpart. */
export function valuationLines(entry: StockValuationEntry): LedgerLineInput[] {
  const value = entry.move.value;
  if (decimal(value).isZero()) return [];
  const incoming = entry.toKind === 'internal' || entry.toKind === 'transit';
  const warehouseId = incoming ? entry.toWarehouseId : entry.fromWarehouseId;
  const stock: LedgerLineInput = {
    purpose: 'stock',
    ...(warehouseId ? { match: { kind: 'warehouse' as const, id: warehouseId } } : {}),
  };
  const other: LedgerLineInput = {
    purpose: COUNTERPART[incoming ? entry.fromKind : entry.toKind] ?? 'stock_adjustment',
  };
  return incoming
    ? [
        { ...stock, debit: value },
        { ...other, credit: value },
      ]
    : [
        { ...other, debit: value },
        { ...stock, credit: value },
      ];
}

/**
 * Inventory's valuation seam bound to the books: the valued moves of one posting become one
 * journal entry per source document and day, in the posting's transaction (stock against
 * goods received not invoiced, cost of goods sold, production or adjustments, by the
 * company's posting rules). Here, in the app, because inventory and accounts know nothing of
 * each other. A company that keeps no books in NEXO (no posting rules) posts nothing.
 */
@Injectable()
export class StockValuationLedger implements StockValuationSink {
  constructor(@Inject(Ledger) private readonly ledger: Ledger) {}

  async record(entries: readonly StockValuationEntry[]): Promise<void> {
    if (!(await this.ledger.keepsBooks())) return;
    const groups = new Map<string, StockValuationEntry[]>();
    for (const e of entries) {
      const key = `${e.move.sourceType}|${e.move.sourceId}|${e.move.effectiveDate}`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    for (const group of groups.values()) {
      const first = group[0]!.move;
      const lines = group.flatMap(valuationLines);
      if (!lines.length) continue;
      await this.ledger.post({
        journal: 'general',
        date: first.effectiveDate,
        description: 'Stock valuation',
        sourceType: first.sourceType,
        sourceId: first.sourceId,
        lines,
      });
    }
  }
}
