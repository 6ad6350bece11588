import { decimal } from '@nexo/utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trimDecimal } from './decimal-columns.js';

describe('trimDecimal', () => {
  it('drops the padding PostgreSQL adds to a scale, nothing else', () => {
    expect(
      ['21.000000', '10.500000', '0.000000', '-0.0000', '1200', '0.000001'].map(trimDecimal),
    ).toEqual(['21', '10.5', '0', '0', '1200', '0.000001']);
  });

  it('property: the trimmed string is the same number', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.nat(10), (n, scale) => {
        const text = decimal(n)
          .dividedBy(decimal(10n ** BigInt(scale)))
          .toFixed(scale);
        const trimmed = trimDecimal(text);
        expect(decimal(trimmed).equals(decimal(text))).toBe(true);
        expect(trimmed).not.toMatch(/\.$|\.\d*0$/);
      }),
    );
  });
});
