import { decimal, decimalString } from '@nexo/utils';

/** A rule's figures and the stock it watches, as decimal strings. */
export interface ReorderFigures {
  onHand: string;
  reserved: string;
  minimum: string;
  maximum: string;
  multiple: string | null;
}

/**
 * What a min/max rule says to order: nothing while on hand less reserved (the projected
 * stock) is above the minimum; otherwise up to the maximum, rounded up to the multiple (a box
 * of 12 is bought whole). Null when nothing is to be ordered.
 */
export function reorderQuantity(f: ReorderFigures): { projected: string; quantity: string } | null {
  const projected = decimal(f.onHand).minus(decimal(f.reserved));
  if (projected.greaterThan(decimal(f.minimum))) return null;
  let quantity = decimal(f.maximum).minus(projected);
  if (f.multiple !== null) {
    const multiple = decimal(f.multiple);
    if (multiple.greaterThan(0)) quantity = quantity.dividedBy(multiple).ceil().times(multiple);
  }
  if (!quantity.greaterThan(0)) return null;
  return { projected: decimalString(projected), quantity: decimalString(quantity) };
}

/** Whether a rule's range is one: 0 ≤ minimum ≤ maximum. */
export function rangeProblem(minimum: string, maximum: string): string | null {
  return decimal(maximum).lessThan(decimal(minimum))
    ? 'The maximum must not be below the minimum'
    : null;
}
