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
