/** The countries a company can be registered in (their tax ids are checked: AR, ES, MX, CL). */
export const COUNTRIES = [
  'AR',
  'UY',
  'PY',
  'BO',
  'CL',
  'PE',
  'CO',
  'MX',
  'BR',
  'ES',
  'US',
] as const;

/** Currencies offered as base or accepted: the region's and the usual foreign ones. */
export const CURRENCIES = [
  'ARS',
  'USD',
  'EUR',
  'BRL',
  'UYU',
  'PYG',
  'BOB',
  'CLP',
  'PEN',
  'COP',
  'MXN',
] as const;

/** Every IANA zone the browser knows, the current one first even if it does not list it. */
export function timeZones(current: string): string[] {
  const all =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) || !current ? all : [current, ...all];
}
