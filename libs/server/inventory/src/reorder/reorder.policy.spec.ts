import { describe, expect, it } from 'vitest';
import { rangeProblem, reorderQuantity } from './reorder.policy.js';

const rule = { minimum: '10', maximum: '50', multiple: null };

describe('the reorder policy', () => {
  it('suggests nothing above the minimum', () => {
    expect(reorderQuantity({ ...rule, onHand: '11', reserved: '0' })).toBeNull();
  });

  it('orders up to the maximum at or below the minimum, counting what is reserved', () => {
    expect(reorderQuantity({ ...rule, onHand: '10', reserved: '0' })).toEqual({
      projected: '10',
      quantity: '40',
    });
    expect(reorderQuantity({ ...rule, onHand: '12.5', reserved: '4' })).toEqual({
      projected: '8.5',
      quantity: '41.5',
    });
    expect(reorderQuantity({ ...rule, onHand: '-3', reserved: '2' })).toEqual({
      projected: '-5',
      quantity: '55',
    });
  });

  it('rounds up to whole multiples', () => {
    expect(reorderQuantity({ ...rule, multiple: '12', onHand: '8', reserved: '0' })).toEqual({
      projected: '8',
      quantity: '48',
    });
    expect(reorderQuantity({ ...rule, multiple: '0.25', onHand: '9.9', reserved: '0' })).toEqual({
      projected: '9.9',
      quantity: '40.25',
    });
  });

  it('suggests nothing when the maximum is already there', () => {
    expect(
      reorderQuantity({ minimum: '5', maximum: '5', multiple: null, onHand: '5', reserved: '0' }),
    ).toBeNull();
  });

  it('refuses a maximum below the minimum', () => {
    expect(rangeProblem('10', '9.999999')).toMatch(/maximum/);
    expect(rangeProblem('10', '10')).toBeNull();
  });
});
