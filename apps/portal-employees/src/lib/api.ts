'use client';
import {
  createNexoClient,
  type ListParams,
  type ListPath,
  type NexoClient,
} from '@nexo/api-client';

/**
 * The typed client in the browser: it calls this portal's `/api/v1/…`, which forwards to
 * the API with the session's token (the browser never has one).
 */
export const api: NexoClient = createNexoClient({ baseUrl: '' });

/** A list route's filters, `field=value` (ADR 0008): named in the route's summary only. */
export type ListFilters = { [field: string]: string | undefined };

/**
 * A list route's query: the parameters its OpenAPI operation declares (`sort`, `limit`,
 * `cursor`, `q`, `count`), typed by the route of the call it is passed to, plus filters.
 * A parameter of the wrong type, or a route that is not a list, does not compile:
 * `api.GET('/api/v1/crm/parties', { params: { query: listQuery({ q, kind: 'person' }) } })`.
 */
export function listQuery<Q extends ListParams<ListPath>>(query: NoInfer<Q> & ListFilters): Q {
  return query;
}
