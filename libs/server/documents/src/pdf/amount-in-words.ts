/**
 * A total in words, as invoices in Spanish-speaking countries print it: "SON PESOS UN MIL
 * DOSCIENTOS TREINTA Y CUATRO CON 50/100", and its English counterpart "SAY US DOLLARS ONE
 * THOUSAND TWO HUNDRED THIRTY-FOUR AND 50/100". The integer part is spelt out, the minor
 * part printed as NN/100 (or NNN/1000, or nothing for a currency without minor unit).
 *
 * The amount is a decimal string, split at its point: no float arithmetic anywhere.
 */
import { currencyMinorUnits } from './decimal-format.js';
import type { DocumentPdfLanguage } from './document-pdf.view.js';

/** Up to 999 999 999 999 999 (fifteen digits): billones in Spanish, trillions in English. */
const MAX_INTEGER_DIGITS = 15;

const CURRENCY_NAMES: Record<DocumentPdfLanguage, Record<string, string>> = {
  es: {
    ARS: 'PESOS',
    USD: 'DÓLARES ESTADOUNIDENSES',
    EUR: 'EUROS',
    MXN: 'PESOS MEXICANOS',
    CLP: 'PESOS CHILENOS',
    UYU: 'PESOS URUGUAYOS',
    COP: 'PESOS COLOMBIANOS',
    PEN: 'SOLES',
    BRL: 'REALES',
    GBP: 'LIBRAS ESTERLINAS',
  },
  en: {
    ARS: 'ARGENTINE PESOS',
    USD: 'US DOLLARS',
    EUR: 'EUROS',
    MXN: 'MEXICAN PESOS',
    CLP: 'CHILEAN PESOS',
    UYU: 'URUGUAYAN PESOS',
    COP: 'COLOMBIAN PESOS',
    PEN: 'PERUVIAN SOLES',
    BRL: 'BRAZILIAN REAIS',
    GBP: 'POUNDS STERLING',
  },
};

// ---- Spanish -------------------------------------------------------------------------

const ES_UNITS = ['', 'UNO', 'DOS', 'TRES', 'CUATRO', 'CINCO', 'SEIS', 'SIETE', 'OCHO', 'NUEVE'];
const ES_TEENS = [
  'DIEZ',
  'ONCE',
  'DOCE',
  'TRECE',
  'CATORCE',
  'QUINCE',
  'DIECISÉIS',
  'DIECISIETE',
  'DIECIOCHO',
  'DIECINUEVE',
];
const ES_TWENTIES = [
  'VEINTE',
  'VEINTIUNO',
  'VEINTIDÓS',
  'VEINTITRÉS',
  'VEINTICUATRO',
  'VEINTICINCO',
  'VEINTISÉIS',
  'VEINTISIETE',
  'VEINTIOCHO',
  'VEINTINUEVE',
];
const ES_TENS = [
  '',
  '',
  '',
  'TREINTA',
  'CUARENTA',
  'CINCUENTA',
  'SESENTA',
  'SETENTA',
  'OCHENTA',
  'NOVENTA',
];
const ES_HUNDREDS = [
  '',
  'CIENTO',
  'DOSCIENTOS',
  'TRESCIENTOS',
  'CUATROCIENTOS',
  'QUINIENTOS',
  'SEISCIENTOS',
  'SETECIENTOS',
  'OCHOCIENTOS',
  'NOVECIENTOS',
];

/** 1..999 in Spanish; `apocope` for a group before MIL or MILLONES (UNO → UN, VEINTIUNO → VEINTIÚN). */
function esBelowThousand(n: number, apocope: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  if (hundreds > 0) words.push(n === 100 ? 'CIEN' : (ES_HUNDREDS[hundreds] as string));
  if (rest > 0) {
    let tail: string;
    if (rest < 10) tail = ES_UNITS[rest] as string;
    else if (rest < 20) tail = ES_TEENS[rest - 10] as string;
    else if (rest < 30) tail = ES_TWENTIES[rest - 20] as string;
    else {
      const units = rest % 10;
      tail = ES_TENS[Math.floor(rest / 10)] as string;
      if (units > 0) tail += ` Y ${ES_UNITS[units] as string}`;
    }
    if (apocope && rest % 10 === 1 && rest !== 11) {
      tail = tail === 'VEINTIUNO' ? 'VEINTIÚN' : tail.replace(/UNO$/, 'UN');
    }
    words.push(tail);
  }
  return words.join(' ');
}

/** 1..999 999 in Spanish, "UN MIL" for the thousand as invoices write it. */
function esBelowMillion(n: number, apocope: boolean): string {
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const words: string[] = [];
  if (thousands > 0) words.push(`${esBelowThousand(thousands, true)} MIL`);
  if (rest > 0) words.push(esBelowThousand(rest, apocope));
  return words.join(' ');
}

/** Spanish long scale: millón = 10⁶, billón = 10¹². */
function esInteger(digits: string): string {
  if (/^0+$/.test(digits)) return 'CERO';
  const padded = digits.padStart(18, '0');
  const billions = Number(padded.slice(0, 6));
  const millions = Number(padded.slice(6, 12));
  const rest = Number(padded.slice(12));
  const words: string[] = [];
  if (billions > 0)
    words.push(billions === 1 ? 'UN BILLÓN' : `${esBelowMillion(billions, true)} BILLONES`);
  if (millions > 0)
    words.push(millions === 1 ? 'UN MILLÓN' : `${esBelowMillion(millions, true)} MILLONES`);
  if (rest > 0) words.push(esBelowMillion(rest, false));
  return words.join(' ');
}

// ---- English -------------------------------------------------------------------------

const EN_SMALL = [
  '',
  'ONE',
  'TWO',
  'THREE',
  'FOUR',
  'FIVE',
  'SIX',
  'SEVEN',
  'EIGHT',
  'NINE',
  'TEN',
  'ELEVEN',
  'TWELVE',
  'THIRTEEN',
  'FOURTEEN',
  'FIFTEEN',
  'SIXTEEN',
  'SEVENTEEN',
  'EIGHTEEN',
  'NINETEEN',
];
const EN_TENS = [
  '',
  '',
  'TWENTY',
  'THIRTY',
  'FORTY',
  'FIFTY',
  'SIXTY',
  'SEVENTY',
  'EIGHTY',
  'NINETY',
];
const EN_SCALES = ['', 'THOUSAND', 'MILLION', 'BILLION', 'TRILLION'];

function enBelowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  if (hundreds > 0) words.push(`${EN_SMALL[hundreds] as string} HUNDRED`);
  if (rest > 0) {
    if (rest < 20) words.push(EN_SMALL[rest] as string);
    else {
      const units = rest % 10;
      const tens = EN_TENS[Math.floor(rest / 10)] as string;
      words.push(units > 0 ? `${tens}-${EN_SMALL[units] as string}` : tens);
    }
  }
  return words.join(' ');
}

/** English short scale, US style (no "and" inside the number). */
function enInteger(digits: string): string {
  if (/^0+$/.test(digits)) return 'ZERO';
  const padded = digits.padStart(15, '0');
  const words: string[] = [];
  for (let group = 0; group < 5; group++) {
    const value = Number(padded.slice(group * 3, group * 3 + 3));
    if (value === 0) continue;
    const scale = EN_SCALES[4 - group] as string;
    words.push(scale ? `${enBelowThousand(value)} ${scale}` : enBelowThousand(value));
  }
  return words.join(' ');
}

// ---- Public --------------------------------------------------------------------------

/** An integer (no sign, no separators) in words, upper case: "VEINTIÚN MILLONES", "TWENTY-ONE". */
export function integerInWords(digits: string, language: DocumentPdfLanguage): string {
  if (!/^\d+$/.test(digits)) throw new TypeError(`not an unsigned integer: ${digits}`);
  const significant = digits.replace(/^0+(?=\d)/, '');
  if (significant.length > MAX_INTEGER_DIGITS) {
    throw new RangeError(`amount too large to write in words: ${digits}`);
  }
  return language === 'es' ? esInteger(significant) : enInteger(significant);
}

/**
 * `amount` is a non-negative decimal string with no more decimals than the currency's
 * minor unit ("1234.5" reads as 1234.50 in ARS; "0.005" is refused in ARS). Negative
 * amounts are refused: a credit note prints its total as a positive amount.
 */
export function amountInWords(
  amount: string,
  currency: string,
  language: DocumentPdfLanguage,
): string {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match) {
    throw new RangeError(
      `amountInWords needs a non-negative decimal string such as "1234.50", got ${amount}`,
    );
  }
  const minor = currencyMinorUnits(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > minor) {
    throw new RangeError(
      `${amount} has more decimals than ${currency}'s minor unit (${minor}): round it first`,
    );
  }
  const words = integerInWords(match[1] as string, language);
  const name = CURRENCY_NAMES[language][currency] ?? currency;
  const cents = minor > 0 ? `${fraction.padEnd(minor, '0')}/1${'0'.repeat(minor)}` : '';
  if (language === 'es') return `SON ${name} ${words}${cents ? ` CON ${cents}` : ''}`;
  return `SAY ${name} ${words}${cents ? ` AND ${cents}` : ''}`;
}
