import type pg from 'pg';
import { APP_ROLE, OWNER_ROLE, RELAY_ROLE, WORKER_ROLE } from '../roles.js';

/**
 * Roles are per cluster, not per database, so they cannot live in a migration that runs
 * once per database. This runs before the migrations, is idempotent, and tolerates another
 * process creating the same role at the same moment.
 */
export async function bootstrapRoles(client: pg.Client, appPassword?: string): Promise<void> {
  await client.query(`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${OWNER_ROLE}') THEN
        BEGIN
          CREATE ROLE ${OWNER_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
      END IF;
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        BEGIN
          CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
      END IF;
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${RELAY_ROLE}') THEN
        BEGIN
          CREATE ROLE ${RELAY_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
      END IF;
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${WORKER_ROLE}') THEN
        BEGIN
          CREATE ROLE ${WORKER_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
      END IF;
    END $$;
  `);
  const { rows } = await client.query<{ rolsuper: boolean; db: string }>(
    'SELECT rolsuper, current_database() AS db FROM pg_roles WHERE rolname = current_user',
  );
  const me = rows[0];
  if (!me) throw new Error('Cannot read the migrating role from pg_roles');
  // A superuser may SET ROLE to anyone; anyone else must be a member of the owner role.
  if (!me.rolsuper) await client.query(`GRANT ${OWNER_ROLE} TO current_user`);
  await client.query(
    `GRANT CREATE, CONNECT ON DATABASE ${client.escapeIdentifier(me.db)} TO ${OWNER_ROLE}`,
  );
  await client.query(
    `GRANT CONNECT ON DATABASE ${client.escapeIdentifier(me.db)} TO ${APP_ROLE}, ${RELAY_ROLE}, ${WORKER_ROLE}`,
  );
  if (appPassword) {
    // The password travels as a bound parameter and is quoted server-side by format(%L), so
    // it never appears in statement text that the server might log. The relay and worker
    // roles share it, so a deployment keeps one database secret.
    await client.query(`SELECT set_config('nexo.app_password', $1, false)`, [appPassword]);
    await client.query(
      `DO $$ BEGIN
        EXECUTE format('ALTER ROLE ${APP_ROLE} PASSWORD %L', current_setting('nexo.app_password'));
        EXECUTE format('ALTER ROLE ${RELAY_ROLE} PASSWORD %L', current_setting('nexo.app_password'));
        EXECUTE format('ALTER ROLE ${WORKER_ROLE} PASSWORD %L', current_setting('nexo.app_password'));
      END $$`,
    );
    await client.query(`SELECT set_config('nexo.app_password', '', false)`);
  }
}
