import { AR_PACK } from './ar.pack.js';
import { CL_PACK } from './cl.pack.js';
import type { CountryPack } from './country-pack.js';
import { ES_PACK } from './es.pack.js';
import { GENERIC_PACK } from './generic.pack.js';
import { MX_PACK } from './mx.pack.js';

/** The packs by country; any other country gets the generic one. */
export const COUNTRY_PACKS: Readonly<Record<string, CountryPack>> = {
  AR: AR_PACK,
  ES: ES_PACK,
  MX: MX_PACK,
  CL: CL_PACK,
};

/** The pack of a country (ISO 3166-1 alpha-2, any case); the generic pack for the rest. */
export function countryPack(country: string | null | undefined): CountryPack {
  return COUNTRY_PACKS[(country ?? '').toUpperCase()] ?? GENERIC_PACK;
}

/** The tax conditions a company or party of a country may have (empty: none). */
export function taxConditionsOf(country: string | null | undefined) {
  return countryPack(country).taxConditions;
}

/**
 * The problem with a tax condition for a country, or null: null (none) is always allowed; a
 * code must be one of the country's conditions.
 */
export function taxConditionProblem(
  country: string | null | undefined,
  code: string | null | undefined,
): string | null {
  if (code == null) return null;
  const pack = countryPack(country);
  if (pack.taxConditions.some((c) => c.code === code)) return null;
  return pack.taxConditions.length
    ? `Not a tax condition of ${pack.country}: one of ${pack.taxConditions.map((c) => c.code).join(', ')}`
    : `${pack.country === '*' ? 'This country' : pack.country} has no tax conditions`;
}
