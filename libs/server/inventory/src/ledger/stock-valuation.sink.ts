import type { PostedMove } from './stock-posting.types.js';

/**
 * Where the value of stock moves goes in the books. Accounts (issue 27) provides it: one
 * valuation entry per valued move (stock against the virtual location's account: supplier
 * receipts against goods-received-not-invoiced, deliveries against cost of goods sold,
 * adjustments and scrap against their expense), written by `record` in the posting's own
 * transaction, so the ledger and the books commit together or not at all. Inventory knows it
 * only by this interface and the token; without a provider nothing is booked.
 */
export interface StockValuationSink {
  record(entries: readonly StockValuationEntry[]): Promise<void>;
}

/** One move's value as the books need it: which way it went, and what it was worth. */
export interface StockValuationEntry {
  move: PostedMove;
  /** The kind of location it came from and went to (`internal`, `supplier`, `customer`…). */
  fromKind: string;
  toKind: string;
  /** The warehouses involved (null for virtual locations and goods in transit). */
  fromWarehouseId: string | null;
  toWarehouseId: string | null;
  currency: string;
}

/** The Nest token a context binds its sink to (`{ provide: STOCK_VALUATION_SINK, useClass }`). */
export const STOCK_VALUATION_SINK = Symbol.for('nexo.inventory.stock-valuation-sink');
