import { sumDecimals } from '@nexo/i18n';
import { Money } from '@nexo/utils';

/**
 * A column's amounts added up exactly with `Money`, one total per currency, in the order each
 * currency first appears: pesos are never added to dollars. A card without a currency counts
 * in `fallback` (the company's); with neither known, the amounts are added as plain decimals.
 */
export function totalsByCurrency(
  cards: readonly { amount?: string | null; currency?: string | null }[],
  fallback: string | null,
): { currency: string | null; total: string }[] {
  const amounts = new Map<string | null, string[]>();
  for (const card of cards) {
    const currency = card.currency || fallback;
    amounts.set(currency, [...(amounts.get(currency) ?? []), card.amount || '0']);
  }
  return [...amounts].map(([currency, list]) => ({
    currency,
    total: currency
      ? Money.sum(
          list.map((amount) => Money.of(amount, currency)),
          currency,
        ).toString()
      : sumDecimals(list),
  }));
}
