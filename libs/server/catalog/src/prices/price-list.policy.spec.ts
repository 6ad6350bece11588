import { describe, expect, it } from 'vitest';
import { priceListIssues, ruleChange } from './price-list.policy.js';

describe('price list policy', () => {
  it('wants a party or a group, not both, and a validity that runs forwards', () => {
    expect(priceListIssues({})).toEqual([]);
    expect(priceListIssues({ partyId: 'p', customerGroup: null })).toEqual([]);
    expect(priceListIssues({ validFrom: '2026-01-01', validTo: '2026-01-01' })).toEqual([]);
    expect(priceListIssues({ partyId: 'p', customerGroup: 'mayoristas' })).toEqual([
      { path: 'customerGroup', code: 'custom', message: 'A party or a group, not both' },
    ]);
    expect(priceListIssues({ validFrom: '2026-02-01', validTo: '2026-01-31' })).toEqual([
      { path: 'validTo', code: 'custom', message: 'Not before validFrom' },
    ]);
  });

  it('clears the other kind’s amount when a rule changes kind', () => {
    const fixed = { kind: 'fixed', price: '100.00', discountPercent: null };
    expect(ruleChange(fixed, { kind: 'discount', discountPercent: '10' })).toEqual({
      kind: 'discount',
      changes: { kind: 'discount', discountPercent: '10', price: null },
    });
    expect(ruleChange(fixed, { price: '90.00' })).toEqual({
      kind: 'fixed',
      changes: { price: '90.00', discountPercent: null },
    });
  });

  it('refuses a rule left without the amount its kind needs', () => {
    const fixed = { kind: 'fixed', price: '100.00', discountPercent: null };
    expect(ruleChange(fixed, { kind: 'discount' })).toEqual({
      issue: {
        path: 'discountPercent',
        code: 'required',
        message: '`fixed` takes a price, `discount` a discountPercent',
      },
    });
    const discount = { kind: 'discount', price: null, discountPercent: '5' };
    expect(ruleChange(discount, { kind: 'fixed' })).toMatchObject({ issue: { path: 'price' } });
  });
});
