import { type Decimal, decimal, decimalString, minorUnits, roundDecimal } from '@nexo/utils';

/**
 * What an allocation of `amountCurrency` settles of an item in the company's currency: all
 * that is left when it takes the whole residual (so nothing stays open by rounding), else
 * the same share of the company residual, rounded to the company currency's minor unit.
 */
export function companyShare(
  item: { residual: string; residualCurrency: string },
  amountCurrency: Decimal,
  companyCurrency: string,
): string {
  const open = decimal(item.residualCurrency);
  if (amountCurrency.equals(open)) return item.residual;
  const share = decimal(item.residual).times(amountCurrency).dividedBy(open);
  return decimalString(roundDecimal(share, minorUnits(companyCurrency)));
}

/**
 * The realized exchange difference of an allocation, seen from the party's account: the
 * debit item settled `amountDebit`, the credit item `amountCredit`. Positive: the account
 * is left with a debit to clear (a loss); negative: a credit (a gain); zero: none.
 */
export function exchangeDifference(amountDebit: string, amountCredit: string): Decimal {
  return decimal(amountDebit).minus(amountCredit);
}
