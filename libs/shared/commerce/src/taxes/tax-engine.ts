import { decimal, Decimal, Money, type RoundingMode } from '@nexo/utils';
import { isDocumentLevel, type TaxDefinition, type TaxKind } from './tax.js';

/** Round each line's taxes (the default) or each tax's total over the document. */
export type RoundingLevel = 'line' | 'document';

export interface DocumentLineInput {
  quantity: string;
  unitPrice: string;
  /** Percent off this line, up to six decimals. */
  discountPercent?: string | null;
  /** The line's taxes: VAT (or its 0 % cases), excises, others. */
  taxes: readonly TaxDefinition[];
}

export interface DocumentInput {
  currency: string;
  lines: readonly DocumentLineInput[];
  /** Percent off every line, after the line's own discount. */
  discountPercent?: string | null;
  /** Perceptions and withholdings, on the document's net. */
  documentTaxes?: readonly TaxDefinition[];
  rounding?: RoundingLevel;
  roundingMode?: RoundingMode;
}

export interface LineTax {
  taxId: string;
  base: Money;
  amount: Money;
}

export interface ComputedLine {
  /** Quantity × unit price, rounded. */
  gross: Money;
  /** What the line and document discounts took off `gross`. */
  discount: Money;
  /** The line's taxable amount, without the taxes its price included. */
  net: Money;
  /** Its taxes, rounded on the line (in `document` rounding, for display only). */
  taxes: LineTax[];
  /** `net` plus its taxes. */
  total: Money;
}

export interface TaxBreakdownEntry {
  taxId: string;
  code: string;
  name: string;
  kind: TaxKind;
  rate: string;
  base: Money;
  /** Positive; a withholding is subtracted from the total. */
  amount: Money;
}

export interface DocumentTotals {
  lines: ComputedLine[];
  /** Per tax, in the order taxes first appear: base and amount. */
  breakdown: TaxBreakdownEntry[];
  net: Money;
  /** Taxes added to the net: VAT, excises, others, perceptions. */
  taxes: Money;
  /** Withholdings: kept back by the buyer, subtracted from the total. */
  withheld: Money;
  /**
   * What per-document rounding left between the prices the lines show and the figures: a
   * figure of its own, never spread over lines. Zero when rounding per line.
   */
  rounding: Money;
  /** `net + taxes − withheld + rounding`. */
  total: Money;
}

const ZERO = new Decimal(0);
const sum = (values: readonly Decimal[]) => values.reduce((a, b) => a.plus(b), ZERO);
const included = (t: TaxDefinition) => t.includedInPrice === true && !isDocumentLevel(t.kind);
const rateOf = (t: TaxDefinition) => decimal(t.rate).dividedBy(100);

interface LineWork {
  quantity: Decimal;
  taxes: readonly TaxDefinition[];
  gross: Money;
  /** Exact base of each percent tax: the net before rounding. */
  exactBase: Decimal;
  net: Money;
  /** The price-dictated total of a line whose price includes taxes. */
  dictated: Money | null;
  lineTaxes: LineTax[];
}

/**
 * A document's lines, tax breakdown and totals from its lines, prices, discounts, taxes and
 * rounding (erp.md §1–§2). Pure and exact: every figure is a `Money` rounded to the
 * currency's minor unit, and `net + taxes − withheld + rounding = total` always holds.
 *
 * - A price that includes taxes is the line's total: the included taxes are taken out of it
 *   (`base = (total − fixed) / (1 + Σ rates)`), so the customer pays the price shown.
 * - `line` rounding rounds each line's net and taxes; the breakdown sums them.
 * - `document` rounding rounds each tax once over the sum of its exact bases; where lines
 *   with included prices dictate a total the figures do not reach, `rounding` shows the
 *   difference.
 * - Perceptions and withholdings apply to the document's net, when it reaches their
 *   threshold and the amount reaches their minimum.
 */
export function computeDocument(input: DocumentInput): DocumentTotals {
  const { currency } = input;
  const mode = input.roundingMode ?? 'half-up';
  const level = input.rounding ?? 'line';
  const money = (d: Decimal) => Money.of(d, currency);
  const round = (d: Decimal) => Money.of(d, currency).round(mode);
  const documentFactor = ZERO.plus(1).minus(decimal(input.discountPercent ?? '0').dividedBy(100));

  const work = input.lines.map((line): LineWork => {
    const quantity = decimal(line.quantity);
    const grossExact = quantity.times(decimal(line.unitPrice));
    const lineFactor = ZERO.plus(1).minus(decimal(line.discountPercent ?? '0').dividedBy(100));
    const amount = grossExact.times(lineFactor).times(documentFactor);
    const fixedAmount = (t: TaxDefinition) => round(quantity.times(decimal(t.amount ?? '0')));
    const percentIncluded = line.taxes.filter((t) => included(t) && t.computation === 'percent');
    const fixedIncluded = line.taxes.filter((t) => included(t) && t.computation === 'fixed');
    const lineTaxes: LineTax[] = [];
    let exactBase: Decimal;
    let net: Money;
    let dictated: Money | null = null;
    if (percentIncluded.length + fixedIncluded.length > 0) {
      dictated = round(amount);
      const fixed = fixedIncluded.map(fixedAmount);
      exactBase = dictated.amount
        .minus(sum(fixed.map((m) => m.amount)))
        .dividedBy(sum(percentIncluded.map(rateOf)).plus(1));
      const percent = percentIncluded.map((t) => round(exactBase.times(rateOf(t))));
      net = dictated.minus(Money.sum([...fixed, ...percent], currency));
      fixedIncluded.forEach((t, i) =>
        lineTaxes.push({ taxId: t.id, base: net, amount: fixed[i] as Money }),
      );
      percentIncluded.forEach((t, i) =>
        lineTaxes.push({ taxId: t.id, base: net, amount: percent[i] as Money }),
      );
    } else {
      net = round(amount);
      exactBase = net.amount;
    }
    for (const t of line.taxes) {
      if (included(t) || isDocumentLevel(t.kind)) continue;
      const amountOf = t.computation === 'fixed' ? fixedAmount(t) : net.percent(t.rate).round(mode);
      lineTaxes.push({ taxId: t.id, base: net, amount: amountOf });
    }
    lineTaxes.sort((a, b) => order(line.taxes, a.taxId) - order(line.taxes, b.taxId));
    return {
      quantity,
      taxes: line.taxes,
      gross: round(grossExact),
      exactBase,
      net,
      dictated,
      lineTaxes,
    };
  });

  const lines: ComputedLine[] = work.map((w) => {
    const total = w.net.plus(
      Money.sum(
        w.lineTaxes.map((t) => t.amount),
        currency,
      ),
    );
    return {
      gross: w.gross,
      discount: w.gross.minus(w.dictated ?? w.net),
      net: w.net,
      taxes: w.lineTaxes,
      total,
    };
  });
  const net = Money.sum(
    lines.map((l) => l.net),
    currency,
  );

  // Line taxes, grouped by tax in the order they first appear.
  const taxes = new Map<string, { tax: TaxDefinition; lines: LineWork[] }>();
  for (const w of work)
    for (const t of w.taxes) {
      if (isDocumentLevel(t.kind)) continue;
      const entry = taxes.get(t.id) ?? { tax: t, lines: [] };
      entry.lines.push(w);
      taxes.set(t.id, entry);
    }
  const breakdown: TaxBreakdownEntry[] = [];
  for (const { tax, lines: taxed } of taxes.values()) {
    const base = Money.sum(
      taxed.map((w) => w.net),
      currency,
    );
    let amount: Money;
    if (level === 'line')
      amount = Money.sum(
        taxed.map((w) => w.lineTaxes.find((lt) => lt.taxId === tax.id)?.amount ?? money(ZERO)),
        currency,
      );
    else if (tax.computation === 'fixed')
      amount = round(sum(taxed.map((w) => w.quantity.times(decimal(tax.amount ?? '0')))));
    else amount = round(sum(taxed.map((w) => w.exactBase)).times(rateOf(tax)));
    breakdown.push(entry(tax, base, amount));
  }
  const lineLevelTaxes = Money.sum(
    breakdown.map((b) => b.amount),
    currency,
  );

  // In document rounding, a price that includes taxes still dictates its line's total: what
  // the included taxes rounded once over the document differ from their sum per line is the
  // rounding figure.
  let rounding = money(ZERO);
  if (level === 'document')
    for (const b of breakdown) {
      const tax = taxes.get(b.taxId)?.tax;
      if (!tax || !included(tax)) continue;
      const perLine = Money.sum(
        work.flatMap((w) =>
          w.lineTaxes.filter((lt) => lt.taxId === b.taxId).map((lt) => lt.amount),
        ),
        currency,
      );
      rounding = rounding.plus(perLine).minus(b.amount);
    }

  // Perceptions and withholdings, on the net.
  let added = lineLevelTaxes;
  let withheld = money(ZERO);
  for (const tax of input.documentTaxes ?? []) {
    if (!isDocumentLevel(tax.kind)) continue;
    if (tax.threshold != null && net.amount.lessThan(decimal(tax.threshold))) continue;
    const amount = net.percent(tax.rate).round(mode);
    if (tax.minimumTax != null && amount.amount.lessThan(decimal(tax.minimumTax))) continue;
    if (amount.isZero()) continue;
    breakdown.push(entry(tax, net, amount));
    if (tax.kind === 'withholding') withheld = withheld.plus(amount);
    else added = added.plus(amount);
  }
  return {
    lines,
    breakdown,
    net,
    taxes: added,
    withheld,
    rounding,
    total: net.plus(added).minus(withheld).plus(rounding),
  };
}

function entry(tax: TaxDefinition, base: Money, amount: Money): TaxBreakdownEntry {
  return {
    taxId: tax.id,
    code: tax.code,
    name: tax.name,
    kind: tax.kind,
    rate: tax.rate,
    base,
    amount,
  };
}

function order(taxes: readonly TaxDefinition[], id: string): number {
  return taxes.findIndex((t) => t.id === id);
}
