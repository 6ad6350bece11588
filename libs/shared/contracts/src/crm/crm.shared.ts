import { z } from 'zod';

/** What crm's contract and route files share; not part of the package's face. */

/** A trimmed, non-empty text of at most `max` characters. */
export const Text = (max: number) => z.string().trim().min(1).max(max);

export const tag = 'crm';
export const V1 = '/api/v1/crm';
export const Id = z.object({ id: z.uuid() });
/** The filters a list's summary names; custom fields filter as `custom.<key>`. */
export const FILTERS = (fields: string) =>
  `Filters: ${fields}; \`custom.<key>\` for custom fields.`;
