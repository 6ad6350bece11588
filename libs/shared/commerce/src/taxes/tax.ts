import { decimal } from '@nexo/utils';

/**
 * What a tax is (erp.md §2). `vat` has a rate; `exempt` and `non_taxable` are VAT at 0 that
 * invoices show apart (Argentina's "exento" and "no gravado"); `excise` and `other` apply per
 * line like VAT (Spain's recargo de equivalencia is an `other`); `perception` (added by the
 * seller) and `withholding` (kept back by the buyer, Spain's IRPF) apply to the document as a
 * whole, above a threshold.
 */
export const TAX_KINDS = [
  'vat',
  'exempt',
  'non_taxable',
  'excise',
  'other',
  'perception',
  'withholding',
] as const;
export type TaxKind = (typeof TAX_KINDS)[number];

/** A rate (`21` %) on the base, or a fixed amount per unit of the line (excise). */
export const TAX_COMPUTATIONS = ['percent', 'fixed'] as const;
export type TaxComputation = (typeof TAX_COMPUTATIONS)[number];

/** Taxes that apply to a document's net as a whole rather than line by line. */
export const DOCUMENT_LEVEL_KINDS: readonly TaxKind[] = ['perception', 'withholding'];
export const isDocumentLevel = (kind: TaxKind) => DOCUMENT_LEVEL_KINDS.includes(kind);

/** A tax as the engine reads it: amounts and rates are decimal strings. */
export interface TaxDefinition {
  id: string;
  code: string;
  name: string;
  kind: TaxKind;
  computation: TaxComputation;
  /** Percentage (`21`, `10.5`) when `computation` is `percent`; `0` otherwise. */
  rate: string;
  /** Amount per unit of the line, in the document's currency, when `computation` is `fixed`. */
  amount?: string | null;
  /** Whether line prices already include this tax (consumer prices). Line-level taxes only. */
  includedInPrice?: boolean;
  /** Document-level taxes: applied only when the document's net reaches this base. */
  threshold?: string | null;
  /** Document-level taxes: not applied when the computed amount is below this. */
  minimumTax?: string | null;
}

/** The fields of a tax that must agree with each other, as stored or as asked for. */
export interface TaxShape {
  kind: TaxKind;
  computation: TaxComputation;
  rate: string;
  amount?: string | null | undefined;
  includedInPrice?: boolean | undefined;
  threshold?: string | null | undefined;
  minimumTax?: string | null | undefined;
}

/**
 * What is wrong with a tax's shape, field by field (empty when nothing is): the API's
 * validation and the service's check of a partial update against the stored row both use
 * it; the database's CHECKs say the same.
 */
export function taxShapeProblems(t: TaxShape): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const rate = decimal(t.rate);
  if (rate.isNegative() || rate.greaterThan(100))
    problems.push({ path: 'rate', message: 'A rate from 0 to 100' });
  if ((t.kind === 'exempt' || t.kind === 'non_taxable') && !rate.isZero())
    problems.push({ path: 'rate', message: 'Exempt and non-taxable rates are 0' });
  if (t.computation === 'fixed') {
    if (t.amount == null)
      problems.push({ path: 'amount', message: 'A fixed tax needs its amount per unit' });
    if (!rate.isZero()) problems.push({ path: 'rate', message: 'A fixed tax has rate 0' });
    if (isDocumentLevel(t.kind) || t.kind === 'exempt' || t.kind === 'non_taxable')
      problems.push({ path: 'computation', message: 'Only line taxes may be a fixed amount' });
  } else if (t.amount != null)
    problems.push({ path: 'amount', message: 'Only a fixed tax has an amount per unit' });
  if (isDocumentLevel(t.kind)) {
    if (t.includedInPrice)
      problems.push({
        path: 'includedInPrice',
        message: 'Perceptions and withholdings are never included in prices',
      });
  } else {
    if (t.threshold != null)
      problems.push({ path: 'threshold', message: 'Only perceptions and withholdings' });
    if (t.minimumTax != null)
      problems.push({ path: 'minimumTax', message: 'Only perceptions and withholdings' });
  }
  return problems;
}
