import type { CountryPack } from './country-pack.js';
import { checkTaxId } from './tax-id.js';

/** Chile: IVA 19 and exento, the RUT; CLP has no decimals (Money knows it). */
export const CL_PACK: CountryPack = {
  country: 'CL',
  name: { es: 'Chile', en: 'Chile' },
  currency: 'CLP',
  language: 'es',
  locale: 'es-CL',
  timezone: 'America/Santiago',
  taxes: [
    {
      code: 'iva19',
      name: { es: 'IVA 19%', en: 'VAT 19%' },
      kind: 'vat',
      computation: 'percent',
      rate: '19',
    },
    {
      code: 'exento',
      name: { es: 'Exento', en: 'Exempt' },
      kind: 'exempt',
      computation: 'percent',
      rate: '0',
    },
  ],
  taxConditions: [],
  recargoEquivalencia: false,
  checkTaxId: (raw) => checkTaxId('CL', raw),
};
