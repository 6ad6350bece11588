/** One call to the API as a given person: status and parsed JSON body. */
export type KitCall = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  body?: object,
  headers?: Record<string, string>,
  // The body is whatever JSON the route answers; a kit reads the ids it needs from it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
) => Promise<{ status: number; body: any }>;

/** Company B's records made by a kit, and how the sweep should call B's id routes with them. */
export interface KitRecordsOfB {
  /** `METHOD /path/:id` → the id of B's record to call it with. */
  ids: Record<string, string>;
  /** A valid body where the route needs one, so only the id can make it fail. */
  bodies?: Record<string, object>;
  /** Lists that must show none of B's records to A (B's names all say "de B"). */
  lists: string[];
  /** Other reads of B's records that must answer A 404, as for a record of nobody's. */
  notFound?: string[];
  /** A record of B's to read back afterwards, and what it must still say. */
  unchanged?: { url: string; matches: Record<string, unknown> };
}

/**
 * What a context declares for the house's cross-cutting tests, in
 * `src/testing/<context>.test-kit.ts` (found by file name: no list to edit):
 * the route-permission matrix's grants and the tenant-isolation sweep's fixtures.
 */
export interface ContextTestKit {
  context: string;
  /**
   * What each system role may do on this context's routes, written out by hand as
   * `action subject` pairs: the matrix compares the engine against this, not against itself.
   */
  grants: Partial<Record<string, readonly string[]>>;
  /** Makes company B's records through B's API (as its owner). */
  recordsOfB(call: KitCall, helpers: { png: Uint8Array }): Promise<KitRecordsOfB>;
}

export const defineTestKit = (kit: ContextTestKit): ContextTestKit => kit;
