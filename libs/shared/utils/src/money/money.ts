import { minorUnits } from './currency.js';
import {
  decimal,
  Decimal,
  decimalFixed,
  roundDecimal,
  type DecimalInput,
  type RoundingMode,
} from './decimal.js';

/** A factor an amount may be multiplied by: a decimal, or a quantity's value. */
export type Factor = DecimalInput | { readonly value: Decimal };
const factor = (f: Factor): Decimal =>
  typeof f === 'object' && f !== null && 'value' in f ? f.value : decimal(f);

/**
 * An amount of money in a currency. Immutable; exact. Arithmetic keeps every digit —
 * `price.times(quantity)` is not rounded — and rounding to the currency's minor unit is
 * a step a rule takes (`round`), so a document can round per line or per document and show
 * what the rounding left. Amounts of two currencies never mix: that throws.
 *
 * In JSON an amount is its decimal string ("1234.50"): the currency travels beside it.
 */
export class Money {
  private constructor(
    readonly amount: Decimal,
    readonly currency: string,
  ) {}

  static of(amount: DecimalInput, currency: string): Money {
    minorUnits(currency);
    return new Money(decimal(amount), currency);
  }

  static zero(currency: string): Money {
    return Money.of('0', currency);
  }

  /** The sum of `amounts`, all in `currency` (which names the sum of none). */
  static sum(amounts: Iterable<Money>, currency: string): Money {
    let total = new Decimal(0);
    for (const m of amounts) total = total.plus(sameCurrency(currency, m).amount);
    return new Money(total, currency);
  }

  /** Decimals of this currency (ISO 4217). */
  get minorUnits(): number {
    return minorUnits(this.currency);
  }

  plus(other: Money): Money {
    return new Money(this.amount.plus(sameCurrency(this.currency, other).amount), this.currency);
  }

  minus(other: Money): Money {
    return new Money(this.amount.minus(sameCurrency(this.currency, other).amount), this.currency);
  }

  negated(): Money {
    return new Money(this.amount.negated(), this.currency);
  }

  abs(): Money {
    return new Money(this.amount.abs(), this.currency);
  }

  /** This amount times a quantity, a price factor or a rate; not rounded. */
  times(by: Factor): Money {
    return new Money(this.amount.times(factor(by)), this.currency);
  }

  /** `percent` % of this amount (`"21"` → 21 %); not rounded. */
  percent(percent: DecimalInput): Money {
    return new Money(this.amount.times(decimal(percent)).dividedBy(100), this.currency);
  }

  /** This amount divided by a factor; not rounded (50 significant digits). */
  dividedBy(by: Factor): Money {
    const d = factor(by);
    if (d.isZero()) throw new RangeError('Division of money by zero');
    return new Money(this.amount.dividedBy(d), this.currency);
  }

  /** This amount in `currency` at `rate` (1 of this currency = `rate` of the other); not rounded. */
  convert(rate: DecimalInput, currency: string): Money {
    return Money.of(this.amount.times(decimal(rate)), currency);
  }

  /** Rounded to the currency's minor unit (ISO 4217), half-up unless a rule says half-even. */
  round(mode: RoundingMode = 'half-up'): Money {
    return new Money(roundDecimal(this.amount, this.minorUnits, mode), this.currency);
  }

  /** Whether the amount has no more decimals than its currency's minor unit. */
  isRounded(): boolean {
    return this.amount.decimalPlaces() <= this.minorUnits;
  }

  /**
   * This amount, rounded, split over parts in proportion to `weights` without losing or
   * inventing a minor unit: each part is rounded down (toward zero) and the units left go
   * one each to the parts with the largest remainders, the first such part first. Weights
   * must be ≥ 0 with a positive sum. The parts always sum to `this.round(mode)`.
   */
  allocate(weights: readonly (DecimalInput | Money)[], mode: RoundingMode = 'half-up'): Money[] {
    const w = weights.map((x) => (x instanceof Money ? x.amount : decimal(x)));
    if (w.length === 0) throw new RangeError('Allocation over no parts');
    if (w.some((x) => x.isNegative())) throw new RangeError('Allocation weights must be ≥ 0');
    const total = w.reduce((a, b) => a.plus(b), new Decimal(0));
    if (total.isZero()) throw new RangeError('Allocation weights must not all be zero');
    const scale = new Decimal(10).pow(this.minorUnits);
    const rounded = this.round(mode).amount;
    const units = rounded.abs().times(scale);
    const exact = w.map((x) => units.times(x).dividedBy(total));
    const parts = exact.map((x) => x.floor());
    let left = units.minus(parts.reduce((a, b) => a.plus(b), new Decimal(0))).toNumber();
    const order = exact
      .map((x, i) => ({ i, rest: x.minus(parts[i] as Decimal) }))
      .sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
    for (const { i } of order) {
      if (left <= 0) break;
      parts[i] = (parts[i] as Decimal).plus(1);
      left -= 1;
    }
    const sign = rounded.isNegative() ? -1 : 1;
    return parts.map((p) => new Money(p.dividedBy(scale).times(sign), this.currency));
  }

  isZero(): boolean {
    return this.amount.isZero();
  }

  isNegative(): boolean {
    return this.amount.isNegative() && !this.amount.isZero();
  }

  isPositive(): boolean {
    return this.amount.isPositive() && !this.amount.isZero();
  }

  /** -1, 0 or 1 as this amount is less than, equal to or more than `other`. */
  compare(other: Money): -1 | 0 | 1 {
    return this.amount.comparedTo(sameCurrency(this.currency, other).amount) as -1 | 0 | 1;
  }

  equals(other: Money): boolean {
    return this.currency === other.currency && this.amount.equals(other.amount);
  }

  /**
   * The decimal string: at least the currency's decimals ("1234.50"), more only when the
   * amount is not rounded yet ("0.123456").
   */
  toString(): string {
    return decimalFixed(this.amount, this.minorUnits, Math.max(this.minorUnits, 50));
  }

  toJSON(): string {
    return this.toString();
  }

  /** For people: "$ 1.234,50" in es-AR, "€1,234.50" in en-IE; exact (the string is formatted). */
  format(locale: string): string {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: this.currency,
      minimumFractionDigits: this.minorUnits,
      maximumFractionDigits: Math.max(this.minorUnits, this.amount.decimalPlaces()),
    }).format(this.toString() as unknown as number);
  }
}

function sameCurrency(currency: string, other: Money): Money {
  if (other.currency !== currency)
    throw new RangeError(`Currencies differ: ${currency} and ${other.currency}`);
  return other;
}
