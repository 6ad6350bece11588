import { describe, expect, it } from 'vitest';
import { COUNT_STATE_MACHINE, countDifference, countMoves, underPath } from './count.policy.js';

const line = (over: object) => ({
  id: 'l1',
  locationId: 'bin',
  itemId: 'i1',
  variantId: null,
  lotId: null,
  expected: '10',
  counted: null as string | null,
  ...over,
});

describe('the count policy', () => {
  it('moves only the differences of counted lines, in or out of the adjustment location', () => {
    const moves = countMoves(
      [
        line({ id: 'a', counted: '12.5' }),
        line({ id: 'b', counted: '7' }),
        line({ id: 'c', counted: '10' }),
        line({ id: 'd', counted: null }),
      ],
      'adj',
    );
    expect(moves).toEqual([
      expect.objectContaining({
        sourceLineId: 'a',
        fromLocationId: 'adj',
        toLocationId: 'bin',
        quantity: '2.5',
      }),
      expect.objectContaining({
        sourceLineId: 'b',
        fromLocationId: 'bin',
        toLocationId: 'adj',
        quantity: '3',
      }),
    ]);
  });

  it('says the difference only of a counted line', () => {
    expect(countDifference({ expected: '3', counted: null })).toBeNull();
    expect(countDifference({ expected: '3', counted: '1.25' })).toBe('-1.75');
  });

  it('posts from counting only, and cancels before it posts', () => {
    expect(COUNT_STATE_MACHINE.available('draft')).toEqual(['start', 'cancel']);
    expect(COUNT_STATE_MACHINE.available('counting')).toEqual(['post', 'cancel']);
    expect(COUNT_STATE_MACHINE.available('posted')).toEqual([]);
  });

  it('counts a location and what is under it, not its namesakes', () => {
    expect(underPath('WH1/A', 'WH1/A')).toBe(true);
    expect(underPath('WH1/A/R2', 'WH1/A')).toBe(true);
    expect(underPath('WH1/AB', 'WH1/A')).toBe(false);
  });
});
