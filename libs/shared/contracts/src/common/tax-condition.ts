import { taxConditionProblem } from '@nexo/commerce';
import { z } from 'zod';

/**
 * A tax condition's code (`responsable_inscripto`, `monotributo`, …): which codes a company or
 * party may have depends on its country's pack (`taxConditionsOf` in @nexo/commerce), so the
 * service checks the code against the country it knows; the schema checks its shape.
 */
export const TaxConditionSchema = z
  .string()
  .regex(/^[a-z_]{1,40}$/, 'A tax condition code: lowercase letters and _')
  .meta({ id: 'TaxCondition' });

/** The field issue of a tax condition that is not one of its country's, or null (form and service). */
export function taxConditionIssue(
  country: string | null | undefined,
  code: string | null | undefined,
): { path: string; code: string; message: string } | null {
  const problem = taxConditionProblem(country, code);
  return problem ? { path: 'taxCondition', code: 'invalid_tax_condition', message: problem } : null;
}

/**
 * What the portals read of the country packs for their forms: a country's tax conditions
 * (code and es/en label), whether its parties may be in the recargo de equivalencia regime,
 * and how a point of sale prints.
 */
export { countryPack, formatPointOfSale, taxConditionsOf, type TaxCondition } from '@nexo/commerce';
