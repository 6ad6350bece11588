import { computeDocument } from '@nexo/commerce';
import type { DocumentHeaderInput, DocumentLineInput } from './document-type.js';

/**
 * The figures the kit writes: the header's totals and breakdown and each line's net, taxes and
 * total, from `computeDocument`. Kept by the kit from the lines on every write of a draft, so
 * a document's totals are never typed in.
 */
export function documentFigures(
  header: Pick<
    DocumentHeaderInput,
    'currency' | 'discountPercent' | 'roundingLevel' | 'roundingMode' | 'documentTaxes'
  >,
  lines: readonly DocumentLineInput[],
) {
  const result = computeDocument({
    currency: header.currency,
    lines: lines.map((l) => ({
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent ?? null,
      taxes: l.taxes,
    })),
    discountPercent: header.discountPercent ?? null,
    documentTaxes: header.documentTaxes ?? [],
    rounding: header.roundingLevel ?? 'line',
    roundingMode: header.roundingMode ?? 'half-up',
  });
  return {
    totals: {
      net: result.net.toString(),
      taxes: result.taxes.toString(),
      withheld: result.withheld.toString(),
      rounding: result.rounding.toString(),
      total: result.total.toString(),
      taxBreakdown: result.breakdown.map((b) => ({
        taxId: b.taxId,
        code: b.code,
        name: b.name,
        kind: b.kind,
        rate: b.rate,
        base: b.base.toString(),
        amount: b.amount.toString(),
      })),
    },
    lines: result.lines.map((l) => ({
      net: l.net.toString(),
      taxAmount: l.total.minus(l.net).toString(),
      total: l.total.toString(),
    })),
  };
}
