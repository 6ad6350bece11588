import { decimal } from '@nexo/utils';
import type { CountryPack, PackTax } from './country-pack.js';
import { checkTaxId } from './tax-id.js';

const percent = (
  code: string,
  kind: PackTax['kind'],
  rate: string,
  es: string,
  en: string,
): PackTax => ({ code, name: { es, en }, kind, computation: 'percent', rate });

/** Recargo de equivalencia (Ley 37/1992, art. 161): each paired with the IVA rate it goes with. */
const RECARGOS: readonly (PackTax & { ivaRate: string })[] = [
  {
    ...percent(
      're52',
      'other',
      '5.2',
      'Recargo de equivalencia 5,2%',
      'Equivalence surcharge 5.2%',
    ),
    ivaRate: '21',
  },
  {
    ...percent(
      're14',
      'other',
      '1.4',
      'Recargo de equivalencia 1,4%',
      'Equivalence surcharge 1.4%',
    ),
    ivaRate: '10',
  },
  {
    ...percent(
      're05',
      'other',
      '0.5',
      'Recargo de equivalencia 0,5%',
      'Equivalence surcharge 0.5%',
    ),
    ivaRate: '4',
  },
];

const TAXES: readonly PackTax[] = [
  percent('iva21', 'vat', '21', 'IVA 21%', 'VAT 21%'),
  percent('iva10', 'vat', '10', 'IVA 10%', 'VAT 10%'),
  percent('iva4', 'vat', '4', 'IVA 4%', 'VAT 4%'),
  percent('exento', 'exempt', '0', 'Exento', 'Exempt'),
  ...RECARGOS.map(({ ivaRate: _, ...tax }) => tax),
  // IRPF withheld on a professional's invoice; 7 % in the first three years of activity.
  percent('irpf15', 'withholding', '15', 'Retención IRPF 15%', 'Income tax withholding 15%'),
  percent(
    'irpf7',
    'withholding',
    '7',
    'Retención IRPF 7% (inicio de actividad)',
    'Income tax withholding 7% (new professional)',
  ),
];

/**
 * The recargo de equivalencia that goes with an IVA rate (21 → 5.2, 10 → 1.4, 4 → 0.5), as the
 * pack's tax; null for a rate that has none (exempt, 0).
 */
export function recargoFor(ivaRate: string): PackTax | null {
  const rate = decimal(ivaRate);
  const found = RECARGOS.find((r) => rate.equals(r.ivaRate));
  if (!found) return null;
  const { ivaRate: _, ...tax } = found;
  return tax;
}

/** A tax as a line names it: enough to find the recargo that goes with it. */
export interface RecargoTax {
  code: string;
  kind: string;
  rate: string;
}

/**
 * A line's taxes for a party: when the party is in the recargo de equivalencia regime, each
 * IVA on the line brings its recargo, taken from the company's taxes (`available`) by code;
 * nothing changes for any other party, for a line without IVA, or when the company has no such
 * recargo. A recargo already on the line is not added twice.
 */
export function withRecargo<T extends RecargoTax>(
  lineTaxes: readonly T[],
  party: { recargoEquivalencia?: boolean | null },
  available: readonly T[],
): T[] {
  const taxes = [...lineTaxes];
  if (!party.recargoEquivalencia) return taxes;
  for (const tax of lineTaxes) {
    if (tax.kind !== 'vat') continue;
    const recargo = recargoFor(tax.rate);
    if (!recargo || taxes.some((t) => t.code === recargo.code)) continue;
    const companyTax = available.find((t) => t.code === recargo.code);
    if (companyTax) taxes.push(companyTax);
  }
  return taxes;
}

/** Spain: IVA, recargo de equivalencia, IRPF withholdings and the NIF/NIE/CIF. */
export const ES_PACK: CountryPack = {
  country: 'ES',
  name: { es: 'España', en: 'Spain' },
  currency: 'EUR',
  language: 'es',
  locale: 'es-ES',
  timezone: 'Europe/Madrid',
  taxes: TAXES,
  taxConditions: [],
  recargoEquivalencia: true,
  checkTaxId: (raw) => checkTaxId('ES', raw),
};
