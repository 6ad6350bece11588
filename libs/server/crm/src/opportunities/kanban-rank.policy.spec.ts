import { describe, expect, it } from 'vitest';
import { compareRanks, midpoint, rankBetween } from './kanban-rank.policy.js';

describe('kanban ranks', () => {
  it('places cards at the ends of a column with room between them', () => {
    expect(rankBetween(null, null)).toBe('1024');
    expect(rankBetween('1024', null)).toBe('2048');
    expect(rankBetween(null, '1024')).toBe('0');
  });

  it('bisects exactly, however many times, keeping the order', () => {
    let low = '0';
    const high = '1';
    for (let i = 0; i < 60; i++) {
      const mid = rankBetween(low, high);
      expect(compareRanks(low, mid)).toBe(-1);
      expect(compareRanks(mid, high)).toBe(-1);
      low = mid;
    }
    expect(midpoint('1', '2')).toBe('1.5');
    expect(midpoint('1.5', '2')).toBe('1.75');
    expect(midpoint('-3', '-2')).toBe('-2.5');
    expect(midpoint('1024', '2048')).toBe('1536');
  });
});
