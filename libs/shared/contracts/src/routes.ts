import { CONTEXTS } from './contexts.js';
import type { RouteContract } from './http/route-contract.js';

/** The version of the API document; bump it with a release that changes the contracts. */
export const API_VERSION = '0.1.0';

/** Every route of the API, context by context. The route test checks the server serves exactly these. */
export const API_ROUTES: readonly RouteContract[] = CONTEXTS.flatMap((c) => c.routes);
