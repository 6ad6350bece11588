import { describe, expect, it } from 'vitest';
import { childPath, isSelfOrBelow, movedPath } from './location.policy.js';

describe('the location tree policy', () => {
  it('builds a path from the parent’s and the code', () => {
    expect(childPath('WH1', 'A')).toBe('WH1/A');
    expect(childPath('WH1/A', 'R2')).toBe('WH1/A/R2');
  });

  it('tells a location’s own subtree from a sibling with a longer code', () => {
    expect(isSelfOrBelow('WH1/A', 'WH1/A')).toBe(true);
    expect(isSelfOrBelow('WH1/A', 'WH1/A/R2')).toBe(true);
    expect(isSelfOrBelow('WH1/A', 'WH1/AB')).toBe(false);
    expect(isSelfOrBelow('WH1/A', 'WH1')).toBe(false);
  });

  it('moves a descendant’s path with its ancestor', () => {
    expect(movedPath('WH1/A/R2/B05', 'WH1/A', 'WH1/Z/A2')).toBe('WH1/Z/A2/R2/B05');
    expect(() => movedPath('WH1/AB', 'WH1/A', 'X')).toThrow(RangeError);
  });
});
