import { decimal, decimalFixed, roundDecimal, type Decimal, type DecimalInput } from './decimal.js';

/** Quantities are `numeric(20,6)`: six decimals at most once stored. */
export const QUANTITY_SCALE = 6;

/**
 * A quantity of something in a unit ("2.5" kg). Immutable and exact like `Money`; two
 * units never add up without a conversion (`convert` with the factor between them).
 */
export class Quantity {
  private constructor(
    readonly value: Decimal,
    readonly unit: string,
  ) {}

  static of(value: DecimalInput, unit: string): Quantity {
    if (!unit) throw new RangeError('A quantity needs its unit');
    return new Quantity(decimal(value), unit);
  }

  plus(other: Quantity): Quantity {
    return new Quantity(this.value.plus(sameUnit(this.unit, other).value), this.unit);
  }

  minus(other: Quantity): Quantity {
    return new Quantity(this.value.minus(sameUnit(this.unit, other).value), this.unit);
  }

  times(by: DecimalInput): Quantity {
    return new Quantity(this.value.times(decimal(by)), this.unit);
  }

  /** In `unit`, where 1 of this unit is `factor` of that one. */
  convert(factor: DecimalInput, unit: string): Quantity {
    return Quantity.of(this.value.times(decimal(factor)), unit);
  }

  /** Rounded half-up to the stored scale (six decimals) or fewer. */
  round(places = QUANTITY_SCALE): Quantity {
    return new Quantity(roundDecimal(this.value, places), this.unit);
  }

  isZero(): boolean {
    return this.value.isZero();
  }

  isNegative(): boolean {
    return this.value.isNegative() && !this.value.isZero();
  }

  compare(other: Quantity): -1 | 0 | 1 {
    return this.value.comparedTo(sameUnit(this.unit, other).value) as -1 | 0 | 1;
  }

  /** The shortest decimal string: "2.5", "3", "0.000001". */
  toString(): string {
    return decimalFixed(this.value, 0, Math.max(QUANTITY_SCALE, this.value.decimalPlaces()));
  }

  toJSON(): string {
    return this.toString();
  }
}

function sameUnit(unit: string, other: Quantity): Quantity {
  if (other.unit !== unit) throw new RangeError(`Units differ: ${unit} and ${other.unit}`);
  return other;
}
