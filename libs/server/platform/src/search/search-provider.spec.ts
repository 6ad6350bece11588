import { describe, expect, it } from 'vitest';
import { containing, searchHits } from './search-provider.js';

describe('search provider helpers', () => {
  it('matches the query as a substring, its wildcards taken literally', () => {
    expect(containing('tornillo')).toBe('%tornillo%');
    expect(containing('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });

  it('scores a substring match at least 0.3 and keeps the rows’ order', () => {
    const rows = [
      { id: 'a', name: 'Exacto', score: '1' },
      { id: 'b', name: 'Contiene', score: 0.05 },
    ];
    expect(
      searchHits('item', rows, (r) => ({ id: r.id, title: r.name, subtitle: null, partyId: null })),
    ).toEqual([
      { kind: 'item', id: 'a', title: 'Exacto', subtitle: null, partyId: null, score: 1 },
      { kind: 'item', id: 'b', title: 'Contiene', subtitle: null, partyId: null, score: 0.3 },
    ]);
  });
});
