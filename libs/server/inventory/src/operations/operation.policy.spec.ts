import { describe, expect, it } from 'vitest';
import {
  OPERATION_STATE_MACHINE,
  operationMoves,
  operationProblems,
  transitionFits,
} from './operation.policy.js';

const places = { adjustment: 'ADJ', scrap: 'SCRAP', transit: 'TRANSIT' };
const line = (id: string, quantity: string, unitCost: string | null = null) => ({
  id,
  itemId: 'item',
  variantId: null,
  lotId: 'lot',
  quantity,
  unitCost,
});
const header = (over: object = {}) => ({
  kind: 'adjustment',
  fromLocationId: 'BIN',
  toLocationId: null,
  viaTransit: false,
  reason: 'found',
  ...over,
});

describe('the operation policy', () => {
  it('brings found stock in from the adjustment location at its cost, and takes lost stock out', () => {
    expect(
      operationMoves(header(), [line('a', '5', '12.5'), line('b', '-2')], places, 'post'),
    ).toEqual([
      expect.objectContaining({
        sourceLineId: 'a',
        fromLocationId: 'ADJ',
        toLocationId: 'BIN',
        quantity: '5',
        unitCost: '12.5',
        lotId: 'lot',
      }),
      expect.objectContaining({
        sourceLineId: 'b',
        fromLocationId: 'BIN',
        toLocationId: 'ADJ',
        quantity: '2',
      }),
    ]);
  });

  it('sends scrap to the scrap location, and a transit transfer through in-transit', () => {
    expect(operationMoves(header({ kind: 'scrap' }), [line('a', '1')], places, 'post')).toEqual([
      expect.objectContaining({ fromLocationId: 'BIN', toLocationId: 'SCRAP' }),
    ]);
    const transfer = header({ kind: 'transfer', toLocationId: 'DEST', viaTransit: true });
    expect(operationMoves(transfer, [line('a', '3')], places, 'ship')[0]).toMatchObject({
      fromLocationId: 'BIN',
      toLocationId: 'TRANSIT',
    });
    expect(operationMoves(transfer, [line('a', '3')], places, 'receive')[0]).toMatchObject({
      fromLocationId: 'TRANSIT',
      toLocationId: 'DEST',
    });
  });

  it('asks adjustments for a reason, transfers for two locations, and quantities that fit the kind', () => {
    expect(operationProblems(header({ reason: null }), []).map((p) => p.path)).toEqual(['reason']);
    expect(
      operationProblems(header({ kind: 'transfer', toLocationId: 'BIN', reason: null }), []).map(
        (p) => p.path,
      ),
    ).toEqual(['toLocationId']);
    expect(
      operationProblems(header({ kind: 'scrap' }), [
        { quantity: '-1' },
        { quantity: '1', unitCost: '3' },
      ]).map((p) => p.path),
    ).toEqual(['lines.0.quantity', 'lines.1.unitCost']);
    expect(operationProblems(header(), [{ quantity: '-1', unitCost: '3' }])).toHaveLength(1);
    expect(operationProblems(header(), [{ quantity: '4', unitCost: '3' }])).toEqual([]);
  });

  it('posts in one step unless the transfer goes through transit, and cancels only drafts', () => {
    expect(transitionFits({ kind: 'transfer', viaTransit: true }, 'post')).toBe(false);
    expect(transitionFits({ kind: 'transfer', viaTransit: true }, 'ship')).toBe(true);
    expect(transitionFits({ kind: 'adjustment', viaTransit: false }, 'receive')).toBe(false);
    expect(OPERATION_STATE_MACHINE.available('draft')).toEqual(['post', 'ship', 'cancel']);
    expect(OPERATION_STATE_MACHINE.available('shipped')).toEqual(['receive']);
    expect(OPERATION_STATE_MACHINE.available('posted')).toEqual([]);
  });
});
