import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimal, Decimal } from './decimal.js';
import { minorUnits } from './currency.js';
import { Money } from './money.js';
import { Quantity } from './quantity.js';

/** Decimal strings with up to `places` decimals, as a column would hold them. */
const decimalString = (places: number, max = 10_000_000n) =>
  fc
    .bigInt({ min: -max * 10n ** BigInt(places), max: max * 10n ** BigInt(places) })
    .map((n) => new Decimal(n.toString()).dividedBy(new Decimal(10).pow(places)).toFixed());

describe('Money', () => {
  it('adds and multiplies exactly where floats do not', () => {
    const a = Money.of('0.1', 'ARS').plus(Money.of('0.2', 'ARS'));
    expect(a.toString()).toBe('0.30');
    expect(Money.of('1.15', 'USD').times('3').toString()).toBe('3.45');
    expect(Money.of('19.99', 'EUR').times(Quantity.of('3.333', 'kg')).toString()).toBe('66.62667');
    expect(Money.of('1000', 'ARS').percent('10.5').toString()).toBe('105.00');
  });

  it('rounds to the minor unit half-up or half-even', () => {
    expect(Money.of('2.345', 'ARS').round().toString()).toBe('2.35');
    expect(Money.of('2.345', 'ARS').round('half-even').toString()).toBe('2.34');
    expect(Money.of('2.355', 'ARS').round('half-even').toString()).toBe('2.36');
    expect(Money.of('-2.345', 'ARS').round().toString()).toBe('-2.35');
    expect(Money.of('1500.5', 'CLP').round().toString()).toBe('1501');
    expect(Money.of('1.2345', 'KWD').round().toString()).toBe('1.235');
  });

  it('knows ISO 4217 minor units', () => {
    expect([minorUnits('ARS'), minorUnits('CLP'), minorUnits('JPY'), minorUnits('KWD')]).toEqual([
      2, 0, 0, 3,
    ]);
    expect(() => minorUnits('ars')).toThrow(RangeError);
  });

  it('refuses to mix currencies and floats', () => {
    expect(() => Money.of('1', 'ARS').plus(Money.of('1', 'USD'))).toThrow(/Currencies differ/);
    expect(() => Money.of('1e3', 'ARS')).toThrow(/Not a decimal/);
    expect(() => Money.of('1,5', 'ARS')).toThrow(/Not a decimal/);
    expect(() => Money.of('1', 'ARS').dividedBy('0')).toThrow(/by zero/);
  });

  it('serialises as a decimal string', () => {
    expect(JSON.stringify({ total: Money.of('1234.5', 'ARS') })).toBe('{"total":"1234.50"}');
    expect(Money.of('-0', 'ARS').toString()).toBe('0.00');
    expect(Money.of('0.000001', 'ARS').toString()).toBe('0.000001');
  });

  it('formats the exact amount for people', () => {
    expect(Money.of('1234567.5', 'ARS').format('es-AR')).toBe('$\u00a01.234.567,50');
    expect(Money.of('12345678901234.56', 'USD').format('en-US')).toBe('$12,345,678,901,234.56');
  });

  it('converts at a rate without rounding until asked', () => {
    const usd = Money.of('10.01', 'USD');
    expect(usd.convert('1043.2512345678', 'ARS').toString()).toBe('10442.944858023678');
    expect(usd.convert('1043.2512345678', 'ARS').round().toString()).toBe('10442.94');
  });

  it('allocates without losing or inventing a minor unit', () => {
    expect(
      Money.of('100', 'ARS')
        .allocate(['1', '1', '1'])
        .map((m) => m.toString()),
    ).toEqual(['33.34', '33.33', '33.33']);
    expect(
      Money.of('-0.05', 'ARS')
        .allocate(['1', '1'])
        .map((m) => m.toString()),
    ).toEqual(['-0.03', '-0.02']);
    expect(
      Money.of('10', 'CLP')
        .allocate(['0', '3'])
        .map((m) => m.toString()),
    ).toEqual(['0', '10']);
    expect(() => Money.of('1', 'ARS').allocate(['0', '0'])).toThrow(RangeError);
    expect(() => Money.of('1', 'ARS').allocate(['-1', '2'])).toThrow(RangeError);
  });

  it('property: allocation sums to the rounded amount, each part within one unit of its share', () => {
    fc.assert(
      fc.property(
        decimalString(4),
        fc.constantFrom('ARS', 'CLP', 'KWD'),
        fc.array(
          decimalString(3, 1000n).map((s) => s.replace('-', '')),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        fc.constantFrom('half-up' as const, 'half-even' as const),
        (amount, currency, weights, mode) => {
          fc.pre(weights.some((w) => !decimal(w).isZero()));
          const money = Money.of(amount, currency);
          const parts = money.allocate(weights, mode);
          const total = money.round(mode);
          expect(Money.sum(parts, currency).equals(total)).toBe(true);
          const sum = weights.reduce((a, w) => a.plus(w), new Decimal(0));
          const unit = new Decimal(10).pow(-minorUnits(currency));
          parts.forEach((part, i) => {
            expect(part.isRounded()).toBe(true);
            const share = total.amount.times(weights[i] as string).dividedBy(sum);
            expect(part.amount.minus(share).abs().lessThan(unit)).toBe(true);
          });
        },
      ),
    );
  });

  it('property: addition is exact and associative, rounding is idempotent', () => {
    fc.assert(
      fc.property(decimalString(6), decimalString(6), decimalString(6), (a, b, c) => {
        const [x, y, z] = [a, b, c].map((v) => Money.of(v, 'EUR')) as [Money, Money, Money];
        expect(
          x
            .plus(y)
            .plus(z)
            .equals(x.plus(y.plus(z))),
        ).toBe(true);
        expect(x.plus(y).minus(y).equals(x)).toBe(true);
        expect(x.round().round().equals(x.round())).toBe(true);
        expect(x.round().minus(x).abs().amount.lessThanOrEqualTo('0.005')).toBe(true);
      }),
    );
  });
});

describe('Quantity', () => {
  it('keeps units apart and prints the shortest string', () => {
    expect(Quantity.of('2.500000', 'kg').plus(Quantity.of('0.25', 'kg')).toString()).toBe('2.75');
    expect(Quantity.of('3', 'u').times('4').toString()).toBe('12');
    expect(Quantity.of('1', 'box').convert('12', 'u').toString()).toBe('12');
    expect(Quantity.of('0.3333333', 'kg').round().toString()).toBe('0.333333');
    expect(() => Quantity.of('1', 'kg').plus(Quantity.of('1', 'u'))).toThrow(/Units differ/);
    expect(JSON.stringify([Quantity.of('1.50', 'kg')])).toBe('["1.5"]');
  });
});
