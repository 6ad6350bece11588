import type { FieldIssue } from '@nexo/contracts';
import { decimal, Decimal, decimalString, roundDecimal } from '@nexo/utils';

/** The audience and validity of a price list, as they would be after a change. */
export interface PriceListShape {
  partyId?: string | null | undefined;
  customerGroup?: string | null | undefined;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
}

/** A list is for one party, one customer group or everyone, and is valid forwards in time. */
export function priceListIssues(list: PriceListShape): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (list.partyId && list.customerGroup)
    issues.push({ path: 'customerGroup', code: 'custom', message: 'A party or a group, not both' });
  if (list.validFrom && list.validTo && list.validFrom > list.validTo)
    issues.push({ path: 'validTo', code: 'custom', message: 'Not before validFrom' });
  return issues;
}

export type RuleKind = 'fixed' | 'discount';

/** A rule's amounts: a fixed price, or a discount off the list price (in percent). */
export interface RuleAmounts {
  kind: string;
  price: string | null;
  discountPercent: string | null;
}

/**
 * What a change to a rule writes: the input, with the other kind's amount cleared (a rule
 * is one kind or the other), or the issue when the rule would be left without its amount.
 */
export function ruleChange<I extends Partial<RuleAmounts>>(
  before: RuleAmounts,
  input: I,
):
  { kind: RuleKind; changes: I & Partial<RuleAmounts>; issue?: undefined } | { issue: FieldIssue } {
  const kind = (input.kind ?? before.kind) as RuleKind;
  const changes = {
    ...input,
    ...(kind === 'fixed' ? { discountPercent: null } : { price: null }),
  };
  const after = { ...before, ...changes };
  if (kind === 'fixed' ? after.price == null : after.discountPercent == null)
    return {
      issue: {
        path: kind === 'fixed' ? 'price' : 'discountPercent',
        code: 'required',
        message: '`fixed` takes a price, `discount` a discountPercent',
      },
    };
  return { kind, changes };
}

/** What a resolved price is made of: a rule's amount or the list price, and the unit's factor. */
export interface UnitPriceInput {
  kind: 'fixed' | 'discount' | 'base';
  price: string | null;
  discountPercent: string | null;
  /** The list price (the item's or its variant's) a discount or the base starts from. */
  base: string | null;
  /** How many base units the requested unit holds. */
  factor: string;
}

/**
 * The unit price per requested unit (erp.md §1, a unit price is `numeric(20,6)`): the fixed
 * price, the list price less the discount, or the list price, times the unit's factor; exact,
 * then rounded half-up to 6 decimals once. A percentage discount is not rounded to cents on
 * the way (12.5 % off 0.99 is 0.86625, not 0.87): cents are the document's rounding, per line
 * or per document, done with `Money`. The shortest exact string, as the columns read
 * ("1000", "0.86625"); the currency travels beside it.
 */
export function resolvedUnitPrice(input: UnitPriceInput): string {
  const amount = (value: string | null, what: string) => {
    if (value === null) throw new Error(`A ${input.kind} price needs ${what}`);
    return decimal(value);
  };
  const unit =
    input.kind === 'fixed'
      ? amount(input.price, 'a price')
      : input.kind === 'discount'
        ? amount(input.base, 'a list price').times(
            new Decimal(100).minus(amount(input.discountPercent, 'a discount')).dividedBy(100),
          )
        : amount(input.base, 'a list price');
  return decimalString(roundDecimal(unit.times(decimal(input.factor)), UNIT_PRICE_SCALE));
}

/** Decimals of a unit price (`numeric(20,6)`). */
export const UNIT_PRICE_SCALE = 6;
