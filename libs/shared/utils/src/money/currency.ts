/**
 * ISO 4217 minor units: how many decimals an amount in a currency has. Two unless listed.
 * The table is ISO's, not CLDR's: CLDR (and so `Intl`) shows some currencies with fewer
 * decimals than ISO keeps (IQD, for one), and the books keep ISO's.
 */
const MINOR_UNITS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

const CODE = /^[A-Z]{3}$/;

/** The number of decimals of an amount in `currency` (ISO 4217). */
export function minorUnits(currency: string): number {
  if (!CODE.test(currency)) throw new RangeError(`Not an ISO 4217 code: "${currency}"`);
  return MINOR_UNITS[currency] ?? 2;
}
