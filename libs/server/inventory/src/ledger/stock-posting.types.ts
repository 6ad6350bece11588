/**
 * The posting service's vocabulary, shared by the contexts that call it (sales deliveries,
 * purchase receipts, work orders) and by inventory's own operations. Quantities are decimal
 * strings in the item's base unit; costs and values are in the company's currency.
 */

/** Where a move comes from: a type name and ids, nothing more (inventory knows no callers). */
export interface StockSource {
  /** `sales.delivery`, `purchasing.receipt`, `inventory.adjustment`… */
  sourceType: string;
  sourceId: string;
}

export interface MoveInput {
  itemId: string;
  variantId?: string | null;
  /** Required when the item is tracked by lot or serial (a serial moves one unit at a time). */
  lotId?: string | null;
  fromLocationId: string;
  toLocationId: string;
  /** Greater than zero, in the item's base unit. */
  quantity: string;
  /**
   * For stock coming in from outside (a receipt, an adjustment up): the unit cost it enters at.
   * When absent the item's current cost is used. Ignored for stock going out or moving inside:
   * their cost is the valuation's (moving average or FIFO), fixed when the move posts.
   */
  unitCost?: string | null;
  sourceLineId?: string | null;
  /**
   * The reservation this move consumes (its source line): the reserved quantity drops by what
   * the move takes, so the stock it held is not counted twice.
   */
  consumesReservationOf?: { sourceType: string; sourceLineId: string } | null;
}

export interface PostMovesInput extends StockSource {
  moves: readonly MoveInput[];
  /** The day the stock moved; today when absent. Never before the company's stock lock date. */
  effectiveDate?: string;
}

export interface PostedMove {
  id: string;
  itemId: string;
  variantId: string | null;
  lotId: string | null;
  fromLocationId: string;
  toLocationId: string;
  quantity: string;
  unitCost: string;
  value: string;
  effectiveDate: string;
  sourceType: string;
  sourceId: string;
  sourceLineId: string | null;
  reversesMoveId: string | null;
}

export interface ReserveInput {
  sourceType: string;
  sourceId: string;
  sourceLineId: string;
  itemId: string;
  variantId?: string | null;
  warehouseId: string;
  quantity: string;
}

export interface ReleaseInput {
  sourceType: string;
  sourceLineId: string;
  /** What to release; all that is still held when absent. */
  quantity?: string;
}

export interface Availability {
  itemId: string;
  variantId: string | null;
  warehouseId: string;
  onHand: string;
  reserved: string;
  available: string;
}

/** A lot to pick, first-expiring first (FEFO), with what it has available at a location. */
export interface LotSuggestion {
  lotId: string;
  code: string;
  expiresOn: string | null;
  locationId: string;
  available: string;
  /** How much of the asked quantity to take from it. */
  take: string;
}
