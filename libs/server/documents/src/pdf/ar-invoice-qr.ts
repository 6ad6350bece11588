/**
 * Argentina's invoice QR (AFIP RG 4892/2020): the URL `https://www.afip.gob.ar/fe/qr/?p=`
 * followed by the base64 of a JSON with the voucher's data. The URL is legal text the
 * buyer scans; the renderer never opens it.
 *
 * The JSON is written by hand so that the amounts, decimal strings, go in as JSON numbers
 * digit for digit (no float on the way).
 */
import { assertDecimal } from './decimal-format.js';

export const AFIP_QR_BASE_URL = 'https://www.afip.gob.ar/fe/qr/';

export interface AfipQrFields {
  /** Issue date, YYYY-MM-DD. */
  date: string;
  /** Issuer's CUIT, 11 digits (dashes allowed, dropped). */
  cuit: string;
  /** Point of sale, up to 5 digits. */
  pointOfSale: number;
  /** Voucher type code (1 Factura A, 6 Factura B, 11 Factura C…). */
  voucherType: number;
  /** Voucher number, up to 8 digits. */
  voucherNumber: number;
  /** Total, decimal string with up to 2 decimals. */
  amount: string;
  /** AFIP currency code: "PES", "DOL", "060" (euro)… */
  currency: string;
  /** Exchange rate to pesos, decimal string ("1" for pesos), up to 6 decimals. */
  rate: string;
  /** Receiver's document type (80 CUIT, 96 DNI, 99 none) and number, when there is one. */
  receiverDocType?: number;
  receiverDocNumber?: string;
  /** "E" for a CAE, "A" for a CAEA. */
  authorizationType: 'E' | 'A';
  /** The CAE or CAEA, 14 digits. */
  authorizationCode: string;
}

function digitsOnly(value: string, what: string, maxLength: number): string {
  const digits = value.replace(/-/g, '');
  if (!/^\d+$/.test(digits) || digits.length > maxLength) {
    throw new RangeError(`${what} must be at most ${maxLength} digits, got ${value}`);
  }
  return digits.replace(/^0+(?=\d)/, '');
}

function integer(value: number, what: string, maxDigits: number): string {
  if (!Number.isSafeInteger(value) || value < 0 || String(value).length > maxDigits) {
    throw new RangeError(`${what} must be a whole number of at most ${maxDigits} digits`);
  }
  return String(value);
}

function decimal(value: string, what: string, maxDecimals: number): string {
  assertDecimal(value, what);
  if (value.startsWith('-')) throw new RangeError(`${what} must not be negative`);
  const [whole = '0', fraction = ''] = value.split('.');
  if (fraction.length > maxDecimals) {
    throw new RangeError(`${what} has more than ${maxDecimals} decimals: ${value}`);
  }
  const trimmed = fraction.replace(/0+$/, '');
  const int = whole.replace(/^0+(?=\d)/, '');
  return trimmed ? `${int}.${trimmed}` : int;
}

/** The JSON text the QR carries, fields in the order of the specification. */
export function afipQrJson(fields: AfipQrFields): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.date)) {
    throw new RangeError(`date must be YYYY-MM-DD, got ${fields.date}`);
  }
  if (!/^[A-Z0-9]{3}$/.test(fields.currency)) {
    throw new RangeError(`currency must be AFIP's 3-character code, got ${fields.currency}`);
  }
  if (fields.authorizationType !== 'E' && fields.authorizationType !== 'A') {
    throw new RangeError('authorizationType must be "E" (CAE) or "A" (CAEA)');
  }
  const cuit = digitsOnly(fields.cuit, 'cuit', 11);
  const parts = [
    `"ver":1`,
    `"fecha":${JSON.stringify(fields.date)}`,
    `"cuit":${cuit}`,
    `"ptoVta":${integer(fields.pointOfSale, 'pointOfSale', 5)}`,
    `"tipoCmp":${integer(fields.voucherType, 'voucherType', 3)}`,
    `"nroCmp":${integer(fields.voucherNumber, 'voucherNumber', 8)}`,
    `"importe":${decimal(fields.amount, 'amount', 2)}`,
    `"moneda":${JSON.stringify(fields.currency)}`,
    `"ctz":${decimal(fields.rate, 'rate', 6)}`,
  ];
  if (fields.receiverDocType !== undefined) {
    parts.push(`"tipoDocRec":${integer(fields.receiverDocType, 'receiverDocType', 2)}`);
    if (fields.receiverDocNumber !== undefined) {
      parts.push(`"nroDocRec":${digitsOnly(fields.receiverDocNumber, 'receiverDocNumber', 20)}`);
    }
  }
  parts.push(`"tipoCodAut":"${fields.authorizationType}"`);
  parts.push(`"codAut":${digitsOnly(fields.authorizationCode, 'authorizationCode', 14)}`);
  return `{${parts.join(',')}}`;
}

/** The URL to print as the invoice's QR (RG 4892). */
export function afipQrUrl(fields: AfipQrFields): string {
  return `${AFIP_QR_BASE_URL}?p=${Buffer.from(afipQrJson(fields), 'utf8').toString('base64')}`;
}
