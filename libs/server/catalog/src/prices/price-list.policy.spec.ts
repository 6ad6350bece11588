import { describe, expect, it } from 'vitest';
import { priceListIssues, resolvedUnitPrice, ruleChange } from './price-list.policy.js';

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

  it('resolves a unit price to 6 decimals, a discount not rounded to cents', () => {
    const price = (input: Partial<Parameters<typeof resolvedUnitPrice>[0]>) =>
      resolvedUnitPrice({
        kind: 'base',
        price: null,
        discountPercent: null,
        base: null,
        factor: '1',
        ...input,
      });
    expect(price({ base: '1000.00' })).toBe('1000');
    expect(price({ base: '650.5', factor: '12' })).toBe('7806');
    expect(price({ kind: 'fixed', price: '900', factor: '12' })).toBe('10800');
    // 12.5 % off 0.99: 0.86625, which cents would have made 0.87.
    expect(price({ kind: 'discount', base: '0.99', discountPercent: '12.5' })).toBe('0.86625');
    expect(price({ kind: 'discount', base: '0.999999', discountPercent: '33.333333' })).toBe(
      '0.666666',
    );
    expect(price({ kind: 'discount', base: '100', discountPercent: '2.123456' })).toBe('97.876544');
    expect(price({ kind: 'fixed', price: '0.123456', factor: '0.5' })).toBe('0.061728');
    expect(price({ kind: 'discount', base: '10', discountPercent: '100' })).toBe('0');
    expect(() => price({ kind: 'discount', base: null, discountPercent: '10' })).toThrow(
      /needs a list price/,
    );
  });
});
