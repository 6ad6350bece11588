import type { CountryPack } from './country-pack.js';
import { checkTaxId } from './tax-id.js';

/**
 * Anywhere else: one tax at 0 % so documents still compute, and a loose tax id check (3–30
 * letters and digits). The company enters its own taxes.
 */
export const GENERIC_PACK: CountryPack = {
  country: '*',
  name: { es: 'Genérico', en: 'Generic' },
  currency: 'USD',
  language: 'en',
  locale: 'en',
  timezone: 'UTC',
  taxes: [
    {
      code: 'sin_impuesto',
      name: { es: 'Sin impuesto', en: 'No tax' },
      kind: 'vat',
      computation: 'percent',
      rate: '0',
    },
  ],
  taxConditions: [],
  recargoEquivalencia: false,
  checkTaxId: (raw) => checkTaxId('', raw),
};
