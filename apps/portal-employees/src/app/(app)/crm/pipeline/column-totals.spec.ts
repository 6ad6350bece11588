import { describe, expect, it } from 'vitest';
import { totalsByCurrency } from './column-totals';

describe('a column total', () => {
  it('adds exactly, one total per currency, never one currency to another', () => {
    const cards = [
      { amount: '0.10', currency: 'ARS' },
      { amount: '100', currency: 'USD' },
      { amount: '0.20', currency: 'ARS' },
      { amount: '0.5', currency: 'USD' },
    ];
    expect(totalsByCurrency(cards, 'ARS')).toEqual([
      { currency: 'ARS', total: '0.30' },
      { currency: 'USD', total: '100.50' },
    ]);
  });

  it("counts a card without a currency in the company's, and without an amount as zero", () => {
    const cards = [{ amount: '10.00' }, { amount: '5.50', currency: 'EUR' }, { currency: 'EUR' }];
    expect(totalsByCurrency(cards, 'EUR')).toEqual([{ currency: 'EUR', total: '15.50' }]);
    expect(totalsByCurrency(cards.slice(0, 1), null)).toEqual([{ currency: null, total: '10.00' }]);
  });

  it('keeps each currency’s decimals: none for CLP, three for KWD', () => {
    const cards = [
      { amount: '1500', currency: 'CLP' },
      { amount: '0.125', currency: 'KWD' },
      { amount: '2500', currency: 'CLP' },
    ];
    expect(totalsByCurrency(cards, 'CLP')).toEqual([
      { currency: 'CLP', total: '4000' },
      { currency: 'KWD', total: '0.125' },
    ]);
  });

  it('is nothing for an empty column', () => {
    expect(totalsByCurrency([], 'ARS')).toEqual([]);
  });
});
