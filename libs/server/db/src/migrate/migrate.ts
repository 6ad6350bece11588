import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as drizzleMigrate } from 'drizzle-orm/node-postgres/migrator';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { OWNER_ROLE } from '../roles.js';
import { bootstrapRoles } from './bootstrap-roles.js';
import { tuneSimilarityOperator } from './similarity-operator.js';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));
const MIGRATIONS_SCHEMA = 'drizzle';
const MIGRATIONS_TABLE = '__drizzle_migrations';
/** Any constant works, as long as every NEXO process uses the same one. */
const MIGRATION_LOCK_KEY = 727_001;

export interface MigrateResult {
  applied: number;
  total: number;
  /** Whether pg_trgm's `%` may use an index under RLS (only a superuser can say so). */
  similarityIndexed: boolean;
}

async function countApplied(client: pg.Client): Promise<number> {
  const table = `${MIGRATIONS_SCHEMA}.${MIGRATIONS_TABLE}`;
  const { rows } = await client.query<{ exists: boolean }>(
    'SELECT to_regclass($1) IS NOT NULL AS exists',
    [table],
  );
  if (!rows[0]?.exists) return 0;
  const counted = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return counted.rows[0]?.n ?? 0;
}

/**
 * Brings the database at `adminUrl` up to date: roles first, then the committed SQL
 * migrations as the owner role, all under one advisory lock so that two processes starting
 * together apply each migration once. Running it again is a no-op.
 */
export async function migrate(
  adminUrl: string,
  options: { appPassword?: string } = {},
): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'nexo-migrate' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await bootstrapRoles(client, options.appPassword);
      const before = await countApplied(client);
      // Everything the migrations create is owned by the owner role, not by whoever migrates.
      await client.query(`SET ROLE ${OWNER_ROLE}`);
      await drizzleMigrate(drizzle({ client }), {
        migrationsFolder: MIGRATIONS_FOLDER,
        migrationsSchema: MIGRATIONS_SCHEMA,
        migrationsTable: MIGRATIONS_TABLE,
      });
      await client.query('RESET ROLE');
      const similarityIndexed = await tuneSimilarityOperator(client);
      const total = await countApplied(client);
      return { applied: total - before, total, similarityIndexed };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}
