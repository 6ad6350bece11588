import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './openapi.js';

export type { components, operations, paths };
export type NexoClient = Client<paths>;

export interface NexoClientOptions {
  /** Where the API answers, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  /** The access token; read on every request so a refreshed one is used at once. */
  accessToken?: () => string | undefined;
  /** The portals pass their own fetch (Next.js server, tests); the global one by default. */
  fetch?: typeof globalThis.fetch;
}

/**
 * The typed NEXO client, generated from the committed OpenAPI document
 * (`npm run api:generate`): paths, inputs and answers are checked by TypeScript.
 */
export function createNexoClient(options: NexoClientOptions): NexoClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const auth: Middleware = {
    onRequest({ request }) {
      const token = options.accessToken?.();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
  client.use(auth);
  return client;
}

/** A problem+json answer of the API, as the client returns it in `error`. */
export type Problem = components['schemas']['Problem'];

/** The page a list route answers (ADR 0008): rows, the keyset cursor, a count when asked. */
interface Page {
  items: unknown[];
  nextCursor: string | null;
}
type PageOf<Operation> = Operation extends {
  responses: { 200: { content: { 'application/json': infer Body extends Page } } };
}
  ? Body
  : never;

/**
 * The list routes: the GET paths that answer a page and take the list query (ADR 0008:
 * `count` among its parameters). A report that answers a page of its own query (inventory's
 * stock, kardex) is not one: it would widen every list's query to its own.
 */
export type ListPath = {
  [P in keyof paths]: PageOf<paths[P]['get']> extends never
    ? never
    : paths[P]['get'] extends { parameters: { query?: infer Query } }
      ? 'count' extends keyof NonNullable<Query>
        ? P
        : never
      : never;
}[keyof paths];

/**
 * A list route's declared query parameters (`sort`, `limit`, `cursor`, `q`, `count`). Its
 * filters (`field=value`) are named in the route's summary only, so they are not here.
 */
export type ListParams<P extends ListPath> = NonNullable<paths[P]['get']['parameters']['query']>;

/** One row of a list route's page. */
export type ListRow<P extends ListPath> = PageOf<paths[P]['get']>['items'][number];
