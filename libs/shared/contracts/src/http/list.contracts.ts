import { z } from 'zod';

/**
 * The query string every list route takes. Filters are `field=value` or `field.op=value`
 * (`eq ne in lt lte gt gte like`, `in` takes commas) on the fields the route names; the
 * server checks them, so the schema lets unknown keys through to it.
 */
export const ListQuerySchema = z.looseObject({
  sort: z
    .string()
    .max(100)
    .optional()
    .meta({ description: '`field` or `-field` (descending); indexed fields only' }),
  limit: z.string().regex(/^\d+$/).optional().meta({ description: '1–200, default 50' }),
  cursor: z.string().max(1000).optional().meta({ description: 'nextCursor of the previous page' }),
  q: z.string().max(200).optional().meta({ description: 'Text search' }),
  count: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'Also return a count, capped at 10,000' }),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;

/** A page of a list: keyset cursor to the next page, and the count when asked for. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    count: z.object({ value: z.number().int(), capped: z.boolean() }).optional(),
  });
