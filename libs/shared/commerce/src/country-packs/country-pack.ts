import type { TaxComputation, TaxKind, TaxShape } from '../taxes/tax.js';
import type { TaxIdCheck } from './tax-id.js';

/** A text in the two languages NEXO speaks. */
export interface Label {
  es: string;
  en: string;
}

/**
 * A tax a company of the pack's country starts with, as data: what `catalog.tax_rates` stores
 * of it (the name in the company's language). Rates and amounts are decimal strings.
 */
export interface PackTax extends TaxShape {
  /** The tax's code in the company (`iva21`); items and tests name taxes by it. */
  code: string;
  name: Label;
  kind: TaxKind;
  computation: TaxComputation;
  rate: string;
  /** Installed but switched off: an example the company turns on when it applies. */
  inactive?: boolean;
}

/**
 * A tax condition of the country ("condición frente al IVA" in Argentina, the regime of a
 * taxpayer): a company and each of its parties have one, and the country's rules read them.
 */
export interface TaxCondition {
  /** Stored in `tax_condition` columns: lowercase letters and `_`. */
  code: string;
  label: Label;
}

/**
 * What a company of a country starts with (erp.md §2): its currency, language and calendar,
 * the taxes installed when it is created, how its tax ids are checked, the tax conditions a
 * company or party may have, and which party flags its rules read. Pure data and pure
 * functions: the server installs it, the portals read it for their forms.
 */
export interface CountryPack {
  /** ISO 3166-1 alpha-2, or `*` for the generic pack. */
  country: string;
  name: Label;
  /** ISO 4217: the base currency a company of the country keeps its books in. */
  currency: string;
  /** The language of the company's documents and screens. */
  language: 'es' | 'en';
  /** BCP 47, for formatting numbers and dates (`es-AR`). */
  locale: string;
  timezone: string;
  taxes: readonly PackTax[];
  /** Empty when the country's rules need none: a company or party then has no condition. */
  taxConditions: readonly TaxCondition[];
  /** Whether a party may be in Spain's "recargo de equivalencia" (retailer) regime. */
  recargoEquivalencia: boolean;
  checkTaxId(raw: string): TaxIdCheck;
}

/** Whether `code` is one of the pack's tax conditions (null: none chosen, always allowed). */
export function isTaxConditionOf(pack: CountryPack, code: string | null | undefined): boolean {
  return code == null || pack.taxConditions.some((c) => c.code === code);
}

/** A tax-condition code's shape, as the `tax_condition` columns' CHECK says it. */
export const TAX_CONDITION_PATTERN = /^[a-z_]+$/;
