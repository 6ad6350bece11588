import type { CountryPack, PackTax, TaxCondition } from './country-pack.js';
import { checkTaxId } from './tax-id.js';

/**
 * Condición frente al IVA (AFIP, RG 1415 and RG 4291): what the issuer and the receiver of an
 * invoice are for VAT, which picks the invoice's letter.
 */
export const AR_TAX_CONDITIONS = [
  'responsable_inscripto',
  'monotributo',
  'exento',
  'consumidor_final',
  'sujeto_no_categorizado',
  'cliente_exterior',
] as const;
export type ArTaxCondition = (typeof AR_TAX_CONDITIONS)[number];

const CONDITIONS: readonly TaxCondition[] = [
  {
    code: 'responsable_inscripto',
    label: { es: 'IVA Responsable Inscripto', en: 'VAT registered (Responsable Inscripto)' },
  },
  {
    code: 'monotributo',
    label: { es: 'Responsable Monotributo', en: 'Simplified regime (Monotributo)' },
  },
  { code: 'exento', label: { es: 'IVA Sujeto Exento', en: 'VAT exempt' } },
  { code: 'consumidor_final', label: { es: 'Consumidor Final', en: 'Final consumer' } },
  {
    code: 'sujeto_no_categorizado',
    label: { es: 'Sujeto No Categorizado', en: 'Not categorized' },
  },
  { code: 'cliente_exterior', label: { es: 'Cliente del Exterior', en: 'Foreign customer' } },
];

/** An Argentine invoice's letter: A, B, C (monotributo and exempt issuers) or E (exports). */
export type ArgentineInvoiceLetter = 'A' | 'B' | 'C' | 'E';

/**
 * The letter of the invoice (factura, nota de débito, nota de crédito) an issuer gives a
 * receiver, by their conditions (AFIP RG 1415, annex II; exports RG 2758):
 * - to a foreign customer: E, whoever issues it;
 * - a monotributo or exempt issuer: C;
 * - a responsable inscripto: A to another responsable inscripto and to a monotributo (RG 5003,
 *   since 2021: the monotributista receives an A that does not let it compute the VAT), B to
 *   anyone else (exempt, final consumer, not categorized); a receiver without a known
 *   condition is a final consumer.
 * Null when the issuer may not issue invoices (a final consumer, or no condition).
 */
export function argentineInvoiceLetter(
  issuer: string | null | undefined,
  receiver: string | null | undefined,
): ArgentineInvoiceLetter | null {
  if (issuer !== 'responsable_inscripto' && issuer !== 'monotributo' && issuer !== 'exento')
    return null;
  if (receiver === 'cliente_exterior') return 'E';
  if (issuer !== 'responsable_inscripto') return 'C';
  return receiver === 'responsable_inscripto' || receiver === 'monotributo' ? 'A' : 'B';
}

/** Puntos de venta are numbered 1 to 99999 (AFIP), and print with 5 digits. */
export const POINT_OF_SALE_MIN = 1;
export const POINT_OF_SALE_MAX = 99_999;
/** Invoice numbers within a point of sale and letter: 1 to 99999999, printed with 8 digits. */
export const AR_INVOICE_NUMBER_MAX = 99_999_999;

export function isPointOfSale(n: number): boolean {
  return Number.isInteger(n) && n >= POINT_OF_SALE_MIN && n <= POINT_OF_SALE_MAX;
}

/** A point of sale as printed: `00001`. */
export function formatPointOfSale(n: number): string {
  if (!isPointOfSale(n)) throw new RangeError(`A point of sale is 1 to 99999, not ${n}`);
  return String(n).padStart(5, '0');
}

/** An Argentine invoice number as printed: point of sale and number, `00001-00000001`. */
export function formatArgentineInvoiceNumber(pointOfSale: number, number: number): string {
  if (!Number.isInteger(number) || number < 1 || number > AR_INVOICE_NUMBER_MAX)
    throw new RangeError(`An invoice number is 1 to 99999999, not ${number}`);
  return `${formatPointOfSale(pointOfSale)}-${String(number).padStart(8, '0')}`;
}

/** Reads `00001-00000001` back (separators optional); null when it is not one. */
export function parseArgentineInvoiceNumber(
  text: string,
): { pointOfSale: number; number: number } | null {
  const match = /^(\d{1,5})-?(\d{1,8})$/.exec(text.trim());
  if (!match) return null;
  const pointOfSale = Number(match[1]);
  const number = Number(match[2]);
  return isPointOfSale(pointOfSale) && number >= 1 ? { pointOfSale, number } : null;
}

const vat = (code: string, rate: string, es: string, en: string): PackTax => ({
  code,
  name: { es, en },
  kind: 'vat',
  computation: 'percent',
  rate,
});

const TAXES: readonly PackTax[] = [
  vat('iva21', '21', 'IVA 21%', 'VAT 21%'),
  vat('iva105', '10.5', 'IVA 10,5%', 'VAT 10.5%'),
  vat('iva27', '27', 'IVA 27%', 'VAT 27%'),
  vat('iva0', '0', 'IVA 0%', 'VAT 0%'),
  {
    code: 'exento',
    name: { es: 'Exento', en: 'Exempt' },
    kind: 'exempt',
    computation: 'percent',
    rate: '0',
  },
  {
    code: 'no_gravado',
    name: { es: 'No gravado', en: 'Not taxable' },
    kind: 'non_taxable',
    computation: 'percent',
    rate: '0',
  },
  {
    // An example: each province sets its own rate and minimum; the company turns it on.
    code: 'iibb_percepcion',
    name: { es: 'Percepción IIBB', en: 'Gross income tax perception' },
    kind: 'perception',
    computation: 'percent',
    rate: '3',
    threshold: '50000',
    inactive: true,
  },
];

/** Argentina: IVA, a gross-income perception example, the IVA conditions and the CUIT. */
export const AR_PACK: CountryPack = {
  country: 'AR',
  name: { es: 'Argentina', en: 'Argentina' },
  currency: 'ARS',
  language: 'es',
  locale: 'es-AR',
  timezone: 'America/Argentina/Buenos_Aires',
  taxes: TAXES,
  taxConditions: CONDITIONS,
  recargoEquivalencia: false,
  checkTaxId: (raw) => checkTaxId('AR', raw),
};
