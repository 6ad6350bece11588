import type { FieldIssue } from '@nexo/contracts';

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
