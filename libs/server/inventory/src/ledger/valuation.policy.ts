import { Decimal, decimal, decimalString, roundDecimal } from '@nexo/utils';

/**
 * The cost arithmetic of the stock ledger, pure so it is property-tested against a reference
 * model. Values are in the company's currency, rounded half-up to its minor unit once, where
 * a move's value is fixed; unit costs keep 6 decimals (`numeric(20,6)`).
 */

export const UNIT_COST_SCALE = 6;

/** The company's valued stock of one item: what `inventory.item_costs` holds. */
export interface ItemCostState {
  quantity: Decimal;
  value: Decimal;
  /** The moving average (or the last layer's cost under FIFO); used when nothing is left. */
  unitCost: Decimal;
}

/** An open FIFO layer, oldest first. */
export interface OpenLayer {
  id: string;
  /** The receipt that made it. */
  moveId?: string;
  remainingQuantity: Decimal;
  remainingValue: Decimal;
  unitCost: Decimal;
}

export interface LayerTake {
  layerId: string;
  quantity: Decimal;
  value: Decimal;
}

export const roundValue = (value: Decimal, minor: number) => roundDecimal(value, minor);

/** A unit cost from a value and a quantity, to the ledger's 6 decimals. */
export const unitCostOf = (value: Decimal, quantity: Decimal) =>
  quantity.isZero() ? decimal('0') : roundDecimal(value.div(quantity), UNIT_COST_SCALE);

/** Stock coming in at `unitCost`: its value, and the state after it. */
export function receive(state: ItemCostState, quantity: Decimal, value: Decimal): ItemCostState {
  const q = state.quantity.plus(quantity);
  const v = state.value.plus(value);
  return { quantity: q, value: v, unitCost: q.gt(0) ? unitCostOf(v, q) : state.unitCost };
}

/**
 * Moving average: an issue takes `quantity × value / on hand`, rounded; the last units take
 * exactly what is left, so the value never drifts from zero when the stock does. Stock below
 * zero (where a warehouse allows it) is issued at the last average.
 */
export function issueAtAverage(
  state: ItemCostState,
  quantity: Decimal,
  minor: number,
): { value: Decimal; state: ItemCostState } {
  let value: Decimal;
  if (state.quantity.gt(0) && quantity.gte(state.quantity)) {
    const rest = quantity.minus(state.quantity);
    value = state.value.plus(roundValue(rest.times(state.unitCost), minor));
  } else if (state.quantity.gt(0)) {
    value = roundValue(quantity.times(state.value).div(state.quantity), minor);
  } else {
    value = roundValue(quantity.times(state.unitCost), minor);
  }
  const q = state.quantity.minus(quantity);
  const v = state.value.minus(value);
  return { value, state: { quantity: q, value: v, unitCost: state.unitCost } };
}

/**
 * FIFO: an issue takes from the oldest open layers; a partial take is valued at the layer's
 * unit cost, rounded, and the take that empties a layer takes exactly its remaining value, so
 * a layer's takes always add up to its value. What no layer covers (negative stock) is valued
 * at `fallbackUnitCost` and reported as `uncovered`.
 */
export function issueFifo(
  layers: readonly OpenLayer[],
  quantity: Decimal,
  fallbackUnitCost: Decimal,
  minor: number,
): { takes: LayerTake[]; value: Decimal; uncovered: Decimal } {
  const takes: LayerTake[] = [];
  let left = quantity;
  let value = decimal('0');
  for (const layer of layers) {
    if (left.isZero()) break;
    if (layer.remainingQuantity.lte(0)) continue;
    const q = Decimal.min(left, layer.remainingQuantity);
    const v = q.eq(layer.remainingQuantity)
      ? layer.remainingValue
      : roundValue(q.times(layer.unitCost), minor);
    takes.push({ layerId: layer.id, quantity: q, value: v });
    value = value.plus(v);
    left = left.minus(q);
  }
  if (left.gt(0)) value = value.plus(roundValue(left.times(fallbackUnitCost), minor));
  return { takes, value, uncovered: left };
}

/** Applies takes to layers (returns new objects; the input is left alone). */
export function consume(layers: readonly OpenLayer[], takes: readonly LayerTake[]): OpenLayer[] {
  const byId = new Map(takes.map((t) => [t.layerId, t]));
  return layers.map((l) => {
    const t = byId.get(l.id);
    return t
      ? {
          ...l,
          remainingQuantity: l.remainingQuantity.minus(t.quantity),
          remainingValue: l.remainingValue.minus(t.value),
        }
      : l;
  });
}

export const fixed = (d: Decimal) => decimalString(d);
