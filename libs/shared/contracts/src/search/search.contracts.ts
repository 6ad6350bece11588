import { z } from 'zod';
import { defineRoute, signedIn } from '../http/route-contract.js';

export const SEARCH_KINDS = ['party', 'contact', 'opportunity', 'item'] as const;

export const SearchHitSchema = z
  .object({
    kind: z.enum(SEARCH_KINDS),
    id: z.uuid(),
    title: z.string(),
    /** What matched or helps tell hits apart: tax id, SKU, email, the contact's company. */
    subtitle: z.string().nullable(),
    /** 0–1: how close the match is (exact ids and codes score 1). */
    score: z.number(),
    /** The party a contact or an opportunity belongs to, for the link. */
    partyId: z.uuid().nullable(),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchRoutes = {
  search: defineRoute({
    method: 'GET',
    path: '/api/v1/search',
    operationId: 'search',
    summary:
      'Search parties, contacts, opportunities and items by name, tax id, SKU, barcode or email; each kind only as far as the caller may read it',
    tag: 'search',
    access: signedIn,
    query: z.object({
      q: z.string().trim().min(2).max(100),
      limit: z.coerce.number().int().min(1).max(20).default(8),
    }),
    status: 200,
    response: z.object({ hits: z.array(SearchHitSchema) }),
  }),
} as const;
