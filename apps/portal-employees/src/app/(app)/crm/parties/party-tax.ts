import { countryPack, taxConditionsOf } from '@nexo/contracts';

/** The tax conditions a party of `country` may have, labelled in the reader's language. */
export function taxConditionOptions(
  country: unknown,
  locale: string,
): { value: string; label: string }[] {
  return taxConditionsOf(typeof country === 'string' ? country : '').map((c) => ({
    value: c.code,
    label: locale === 'en' ? c.label.en : c.label.es,
  }));
}

/** A stored condition's label (its code when the country's pack does not know it). */
export function taxConditionLabel(
  country: string | null | undefined,
  code: string | null | undefined,
  locale: string,
): string {
  if (!code) return '';
  return taxConditionOptions(country ?? '', locale).find((c) => c.value === code)?.label ?? code;
}

/** Whether a party of `country` may be in the recargo de equivalencia regime (Spain). */
export function hasRecargoEquivalencia(country: unknown): boolean {
  return typeof country === 'string' && countryPack(country).recargoEquivalencia;
}
