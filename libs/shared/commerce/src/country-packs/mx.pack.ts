import type { CountryPack, PackTax, TaxCondition } from './country-pack.js';
import { checkTaxId } from './tax-id.js';

const percent = (
  code: string,
  kind: PackTax['kind'],
  rate: string,
  es: string,
  en: string,
): PackTax => ({ code, name: { es, en }, kind, computation: 'percent', rate });

const TAXES: readonly PackTax[] = [
  percent('iva16', 'vat', '16', 'IVA 16%', 'VAT 16%'),
  percent('iva8', 'vat', '8', 'IVA 8% (región fronteriza)', 'VAT 8% (border region)'),
  percent('iva0', 'vat', '0', 'IVA 0%', 'VAT 0%'),
  percent('exento', 'exempt', '0', 'Exento', 'Exempt'),
  // Withheld by a company from an individual's services: two thirds of the IVA, and 10 % ISR.
  percent('ret_iva', 'withholding', '10.6667', 'Retención IVA', 'VAT withholding'),
  percent('ret_isr', 'withholding', '10', 'Retención ISR', 'Income tax withholding'),
];

/** Whether a taxpayer is an individual or a company: it decides the withholdings. */
const CONDITIONS: readonly TaxCondition[] = [
  { code: 'persona_fisica', label: { es: 'Persona física', en: 'Individual' } },
  { code: 'persona_moral', label: { es: 'Persona moral', en: 'Company' } },
];

/**
 * The withholdings a Mexican document carries (LIVA art. 1-A, LISR art. 106): a company
 * (persona moral) that receives professional services or rents from an individual (persona
 * física) withholds two thirds of the IVA and 10 % ISR; nothing otherwise. Codes of the pack.
 */
export function mexicanWithholdings(
  provider: string | null | undefined,
  receiver: string | null | undefined,
  services: boolean,
): string[] {
  return services && provider === 'persona_fisica' && receiver === 'persona_moral'
    ? ['ret_iva', 'ret_isr']
    : [];
}

/** Mexico: IVA 16 / 8 / 0 / exento, the withholdings on individuals' services, the RFC. */
export const MX_PACK: CountryPack = {
  country: 'MX',
  name: { es: 'México', en: 'Mexico' },
  currency: 'MXN',
  language: 'es',
  locale: 'es-MX',
  timezone: 'America/Mexico_City',
  taxes: TAXES,
  taxConditions: CONDITIONS,
  recargoEquivalencia: false,
  checkTaxId: (raw) => checkTaxId('MX', raw),
};
