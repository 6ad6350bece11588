import { sql } from 'drizzle-orm';

/**
 * The company of the transaction (`app.tenant_id`, set by `withContext`), as SQL: for a
 * query that has no principal at hand (a job, a check another context registered) and still
 * leads with the tenant, so it uses the `(tenant_id, …)` keys. Null outside a company.
 */
export const CURRENT_TENANT = sql<string>`nullif(current_setting('app.tenant_id', true), '')::uuid`;
