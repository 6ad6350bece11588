import type { OperationKind } from '@nexo/contracts/inventory';
import { defineStateMachine } from '@nexo/documents';
import { decimal, decimalString } from '@nexo/utils';
import type { MoveInput } from '../ledger/stock-posting.types.js';

/**
 * An operation's states: adjustments, scrap and direct transfers post in one step; a transfer
 * through transit ships (the stock leaves for the company's in-transit location) and is later
 * received. Posting and shipping issue it (its number, immutable after); only drafts cancel.
 * Every step needs the `transition` action on `inventory.operation`.
 */
export const OPERATION_STATE_MACHINE = defineStateMachine({
  states: ['draft', 'posted', 'shipped', 'received', 'cancelled'],
  initial: 'draft',
  transitions: {
    post: { from: ['draft'], to: 'posted', issues: true, action: 'transition' },
    ship: { from: ['draft'], to: 'shipped', issues: true, action: 'transition' },
    receive: { from: ['shipped'], to: 'received', action: 'transition' },
    cancel: { from: ['draft'], to: 'cancelled', action: 'transition' },
  },
});
export type OperationTransition = (typeof OPERATION_STATE_MACHINE.names)[number];
export type OperationState = (typeof OPERATION_STATE_MACHINE.states)[number];

/** The ledger's source type and the number series of each kind. */
export const OPERATION_SERIES: Record<OperationKind, { sourceType: string; prefix: string }> = {
  adjustment: { sourceType: 'inventory.adjustment', prefix: 'AJ-' },
  transfer: { sourceType: 'inventory.transfer', prefix: 'TR-' },
  scrap: { sourceType: 'inventory.scrap', prefix: 'BA-' },
};

/** Whether `transition` fits the operation's kind (ship and receive are for transit transfers). */
export function transitionFits(
  op: { kind: string; viaTransit: boolean },
  transition: OperationTransition,
): boolean {
  const transit = op.kind === 'transfer' && op.viaTransit;
  if (transition === 'post') return !transit;
  if (transition === 'ship' || transition === 'receive') return transit;
  return true;
}

export interface OperationHeaderShape {
  kind: string;
  fromLocationId: string | null;
  toLocationId: string | null;
  viaTransit: boolean;
  reason: string | null;
}

export interface OperationLineShape {
  id: string;
  itemId: string;
  variantId: string | null;
  lotId: string | null;
  quantity: string;
  unitCost: string | null;
}

export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

/**
 * What a draft of this kind must have, as field problems (none when it is well formed): a
 * location and a reason on adjustments and scrap, two different locations on transfers,
 * transit only on transfers, quantities above zero but on adjustments, a unit cost only on
 * stock coming in.
 */
export function operationProblems(
  op: OperationHeaderShape,
  lines: readonly { quantity: string; unitCost?: string | null | undefined }[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const required = (path: string, message: string) =>
    problems.push({ path, code: 'required', message });
  if (op.kind === 'transfer') {
    if (!op.fromLocationId) required('fromLocationId', 'A transfer moves from a location');
    if (!op.toLocationId) required('toLocationId', 'A transfer moves to a location');
    if (op.fromLocationId && op.fromLocationId === op.toLocationId)
      problems.push({
        path: 'toLocationId',
        code: 'invalid',
        message: 'A transfer moves to another location',
      });
  } else {
    if (!op.fromLocationId) required('locationId', `An ${op.kind} names its location`);
    if (!op.reason) required('reason', `An ${op.kind} says why`);
    if (op.viaTransit)
      problems.push({
        path: 'viaTransit',
        code: 'invalid',
        message: 'Only transfers go in transit',
      });
  }
  lines.forEach((line, i) => {
    const q = decimal(line.quantity);
    if (q.isZero())
      problems.push({ path: `lines.${i}.quantity`, code: 'invalid', message: 'Must not be zero' });
    else if (q.isNegative() && op.kind !== 'adjustment')
      problems.push({
        path: `lines.${i}.quantity`,
        code: 'too_small',
        message: 'Must be greater than zero',
      });
    if (line.unitCost != null && (op.kind !== 'adjustment' || q.isNegative()))
      problems.push({
        path: `lines.${i}.unitCost`,
        code: 'invalid',
        message: 'A unit cost is given only for stock an adjustment brings in',
      });
  });
  return problems;
}

/** The company's virtual locations an operation's moves go through. */
export interface VirtualPlaces {
  adjustment: string;
  scrap: string;
  transit: string;
}

/**
 * The moves of one step of an operation, a line each: an adjustment's + lines come in from
 * the virtual adjustment location (at their unit cost, when given), its − lines go out to it;
 * scrap goes to the scrap location; a transfer goes from its location to the other, or to
 * in-transit when it ships and from in-transit when it is received.
 */
export function operationMoves(
  op: OperationHeaderShape,
  lines: readonly OperationLineShape[],
  places: VirtualPlaces,
  step: 'post' | 'ship' | 'receive',
): MoveInput[] {
  const from = op.fromLocationId as string;
  const to = op.toLocationId as string;
  return lines.map((line) => {
    const q = decimal(line.quantity);
    const base = {
      itemId: line.itemId,
      variantId: line.variantId,
      lotId: line.lotId,
      quantity: decimalString(q.abs()),
      sourceLineId: line.id,
    };
    if (op.kind === 'adjustment')
      return q.isNegative()
        ? { ...base, fromLocationId: from, toLocationId: places.adjustment }
        : {
            ...base,
            fromLocationId: places.adjustment,
            toLocationId: from,
            unitCost: line.unitCost,
          };
    if (op.kind === 'scrap') return { ...base, fromLocationId: from, toLocationId: places.scrap };
    if (step === 'ship') return { ...base, fromLocationId: from, toLocationId: places.transit };
    if (step === 'receive') return { ...base, fromLocationId: places.transit, toLocationId: to };
    return { ...base, fromLocationId: from, toLocationId: to };
  });
}
