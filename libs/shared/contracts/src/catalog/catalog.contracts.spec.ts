import { describe, expect, it } from 'vitest';
import {
  BarcodeSchema,
  CreatePriceListRuleInputSchema,
  PercentSchema,
  PositiveDecimalSchema,
  ResolvePriceQuerySchema,
  gtinCheckDigitOk,
} from './catalog.contracts.js';

describe('catalog contracts', () => {
  it('checks GTIN check digits and lets other symbologies through', () => {
    for (const valid of ['7790001000019', '96385074', '036000291452', '10012345678902'])
      expect(gtinCheckDigitOk(valid)).toBe(true);
    expect(gtinCheckDigitOk('7790001000010')).toBe(false);
    expect(BarcodeSchema.safeParse('7790001000010').success).toBe(false);
    expect(BarcodeSchema.safeParse('INT-0042').success).toBe(true);
    expect(BarcodeSchema.safeParse('12345').success).toBe(true);
    expect(BarcodeSchema.safeParse('con espacio').success).toBe(false);
  });

  it('takes quantities greater than zero, as decimal strings', () => {
    expect(PositiveDecimalSchema.safeParse('0.001').success).toBe(true);
    expect(PositiveDecimalSchema.safeParse('0.000').success).toBe(false);
    expect(PositiveDecimalSchema.safeParse('-3').success).toBe(false);
    expect(PositiveDecimalSchema.safeParse('1e3').success).toBe(false);
  });

  it('refuses what is no decimal before comparing it (a refinement would throw on it)', () => {
    for (const junk of ['construct', 'NeN', '', '1e3', '-5', '12.3456789'])
      expect(PercentSchema.safeParse(junk).success, junk).toBe(false);
    expect(PercentSchema.safeParse('100.000001').error?.issues[0]?.message).toBe('At most 100');
    expect(PercentSchema.safeParse('12.345678').success).toBe(true);
    const rule = { itemId: '01936b2c-5a00-7000-8000-000000000001', kind: 'discount' };
    expect(
      CreatePriceListRuleInputSchema.safeParse({ ...rule, discountPercent: 'xx' }).success,
    ).toBe(false);
  });

  it('pairs each rule kind with its amount', () => {
    const item = '01936b2c-5a00-7000-8000-000000000001';
    const ok = (body: object) => CreatePriceListRuleInputSchema.safeParse(body).success;
    expect(ok({ itemId: item, kind: 'fixed', price: '10' })).toBe(true);
    expect(ok({ itemId: item, kind: 'discount', discountPercent: '12.5' })).toBe(true);
    expect(ok({ itemId: item, kind: 'fixed', discountPercent: '5' })).toBe(false);
    expect(ok({ itemId: item, kind: 'discount', price: '5' })).toBe(false);
    expect(ok({ itemId: item, kind: 'discount', discountPercent: '100.5' })).toBe(false);
  });

  it('resolves one item or one variant, one unit by default', () => {
    const id = '01936b2c-5a00-7000-8000-000000000001';
    expect(ResolvePriceQuerySchema.parse({ itemId: id, currency: 'ARS' }).quantity).toBe('1');
    expect(ResolvePriceQuerySchema.safeParse({ currency: 'ARS' }).success).toBe(false);
    expect(
      ResolvePriceQuerySchema.safeParse({ itemId: id, variantId: id, currency: 'ARS' }).success,
    ).toBe(false);
  });
});
