import { defineStateMachine } from '@nexo/documents';
import { decimal, decimalString } from '@nexo/utils';
import type { MoveInput } from '../ledger/stock-posting.types.js';

/**
 * A physical count's states: a draft names the location; `start` freezes what is on hand
 * there (and under it) as the expected quantities and opens the counting; `post` issues it
 * (its number) and moves the differences; drafts and counts being counted cancel. Every step
 * needs the `transition` action on `inventory.count`.
 */
export const COUNT_STATE_MACHINE = defineStateMachine({
  states: ['draft', 'counting', 'posted', 'cancelled'],
  initial: 'draft',
  transitions: {
    start: { from: ['draft'], to: 'counting', action: 'transition' },
    post: { from: ['counting'], to: 'posted', issues: true, action: 'transition' },
    cancel: { from: ['draft', 'counting'], to: 'cancelled', action: 'transition' },
  },
});
export type CountTransition = (typeof COUNT_STATE_MACHINE.names)[number];

export const COUNT_SOURCE_TYPE = 'inventory.count';
export const COUNT_PREFIX = 'RC-';

export interface CountLineShape {
  id: string;
  locationId: string;
  itemId: string;
  variantId: string | null;
  lotId: string | null;
  expected: string;
  counted: string | null;
}

/** counted − expected, or null while the line is not counted. */
export function countDifference(line: Pick<CountLineShape, 'expected' | 'counted'>): string | null {
  if (line.counted == null) return null;
  return decimalString(decimal(line.counted).minus(decimal(line.expected)));
}

/**
 * The moves that make the books say what was counted: for each counted line whose count
 * differs, the difference from the virtual adjustment location into the line's location
 * (found) or out of it (missing). Lines not counted move nothing: they are left as they were.
 */
export function countMoves(lines: readonly CountLineShape[], adjustment: string): MoveInput[] {
  return lines.flatMap((line) => {
    const diff = countDifference(line);
    if (diff === null) return [];
    const d = decimal(diff);
    if (d.isZero()) return [];
    const base = {
      itemId: line.itemId,
      variantId: line.variantId,
      lotId: line.lotId,
      quantity: decimalString(d.abs()),
      sourceLineId: line.id,
    };
    return d.isNegative()
      ? [{ ...base, fromLocationId: line.locationId, toLocationId: adjustment }]
      : [{ ...base, fromLocationId: adjustment, toLocationId: line.locationId }];
  });
}

/** Whether `path` is `root` or below it in the location tree (`WH1/A` is under `WH1`). */
export const underPath = (path: string, root: string): boolean =>
  path === root || path.startsWith(`${root}/`);
