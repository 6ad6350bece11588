import type pg from 'pg';
import { APP_ROLE } from '../roles.js';

/**
 * The similarity pg_trgm's `%` answers for the app role (`pg_trgm.similarity_threshold`, 0.3
 * by default): the duplicate probe's "similar name". At 0.45 the trigram index hands back
 * fewer candidates to recheck: three probes on the bench's full data took 2.2, 1.9 and 3.3 ms
 * against 3.1, 6.0 and 15.5 ms at 0.3 (ADR 0013).
 */
export const TRIGRAM_THRESHOLD = 0.45;

/** similarity_op's planner cost, in cpu_operator_cost units (why: `tuneSimilarityOperator`). */
const SIMILARITY_COST = 500;

/**
 * What pg_trgm's `%` (similarity_op) needs before the duplicate probe can read the trigram
 * index under RLS, and what only a superuser may change (the extension's functions are owned by
 * the bootstrap superuser):
 *
 * - LEAKPROOF: under RLS, PostgreSQL applies a condition before the tenant policy, and so
 *   through an index, only when its functions reveal nothing about a row but their result.
 *   similarity_op is such a function; the extension does not say so.
 * - COST: the extension leaves it at 1, the price of comparing two integers, so the planner
 *   prefers reading the tenant's rows and comparing each to the index. Measured on the bench's
 *   data (5,000 parties a tenant, 1,000,000 in all, names sharing common words): that read
 *   costs 1,644 units and takes 30 ms (5.6 µs a row), the index about 1,400 and 2-5 ms. So a
 *   comparison is worth one to two units, 500 × cpu_operator_cost; at 100 the planner still
 *   read the rows for names of common words.
 * - The app role's threshold in this database (`TRIGRAM_THRESHOLD`), read when a session
 *   first loads pg_trgm.
 *
 * Run after the migrations (pg_trgm is created by one), as the migrating login. Idempotent, and
 * run on every start: a restored dump loses the first two, since extension members are not
 * dumped. Resolves to whether `%` is ready now; false where the migrator is not a superuser.
 */
export async function tuneSimilarityOperator(client: pg.Client): Promise<boolean> {
  const setting = `pg_trgm.similarity_threshold=${TRIGRAM_THRESHOLD}`;
  const { rows } = await client.query<{
    fn: string;
    db: string;
    ready: boolean;
    superuser: boolean;
  }>(
    `SELECT p.oid::regprocedure::text AS fn, current_database() AS db,
            p.proleakproof AND p.procost >= $1 AND EXISTS (
              SELECT FROM pg_db_role_setting s
               WHERE s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
                 AND s.setrole = $2::regrole AND $3 = ANY (s.setconfig)) AS ready,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser
       FROM pg_extension e
       JOIN pg_depend d ON d.refobjid = e.oid AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
       JOIN pg_proc p ON p.oid = d.objid
      WHERE e.extname = 'pg_trgm' AND p.proname = 'similarity_op'`,
    [SIMILARITY_COST, APP_ROLE, setting],
  );
  const found = rows[0];
  if (!found) return false;
  if (found.ready) return true;
  if (!found.superuser) return false;
  // `fn` is regprocedure's own rendering (schema-qualified, argument types), not user input.
  await client.query(`ALTER FUNCTION ${found.fn} LEAKPROOF COST ${SIMILARITY_COST}`);
  await client.query(
    `ALTER ROLE ${APP_ROLE} IN DATABASE ${client.escapeIdentifier(found.db)} SET pg_trgm.similarity_threshold = ${TRIGRAM_THRESHOLD}`,
  );
  return true;
}
