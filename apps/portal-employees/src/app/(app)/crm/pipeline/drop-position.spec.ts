import { describe, expect, it } from 'vitest';
import { afterIdAt, placeAfter, predecessorOf } from './drop-position';

// Three cards 100 px tall, 10 px apart: a at 0, b at 110, c at 220.
const column = [
  { id: 'a', top: 0, height: 100 },
  { id: 'b', top: 110, height: 100 },
  { id: 'c', top: 220, height: 100 },
];

describe('where a dropped card lands', () => {
  it('goes after every card whose middle is above the pointer', () => {
    expect(afterIdAt(column, 'x', 10)).toBeNull(); // above a's middle: first
    expect(afterIdAt(column, 'x', 60)).toBe('a'); // below a's middle, above b's
    expect(afterIdAt(column, 'x', 170)).toBe('b');
    expect(afterIdAt(column, 'x', 400)).toBe('c'); // below the last: the end
    expect(afterIdAt([], 'x', 50)).toBeNull(); // an empty column
  });

  it('ignores the dragged card itself, so a drop in place changes nothing', () => {
    // b dragged a little down, still above c's middle: after a, where it was.
    expect(afterIdAt(column, 'b', 200)).toBe('a');
    expect(afterIdAt(column, 'a', 150)).toBeNull();
    expect(afterIdAt(column, 'a', 300)).toBe('c');
  });

  it('places the card in the column as the API will rank it', () => {
    const cards = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const ids = (list: { id: string }[]) => list.map((c) => c.id).join('');
    expect(ids(placeAfter(cards, { id: 'x' }, 'a'))).toBe('axbc');
    expect(ids(placeAfter(cards, { id: 'x' }, null))).toBe('xabc');
    expect(ids(placeAfter(cards, { id: 'c' }, null))).toBe('cab');
    expect(ids(placeAfter(cards, { id: 'a' }, 'c'))).toBe('bca');
    expect(ids(placeAfter(cards, { id: 'x' }, 'gone'))).toBe('abcx');
    expect(predecessorOf(cards, 'b')).toBe('a');
    expect(predecessorOf(cards, 'a')).toBeNull();
  });
});
