/** Owns every table and runs migrations. NOLOGIN: the migrator reaches it with SET ROLE. */
export const OWNER_ROLE = 'nexo_owner';
/** Serves requests: NOSUPERUSER NOBYPASSRLS, owns nothing, only the grants it needs. */
export const APP_ROLE = 'nexo_app';
/**
 * Delivers the outbox of every tenant: NOSUPERUSER NOBYPASSRLS like the app role; a policy of
 * its own lets it read and mark outbox rows across tenants, and its grants allow nothing else.
 */
export const RELAY_ROLE = 'nexo_relay';
/**
 * Runs the job queue (pg-boss): reads, claims and settles jobs of every tenant in the `pgboss`
 * schema, and nothing else. NOSUPERUSER NOBYPASSRLS and owns nothing; the schema is installed by
 * the migrations as the owner role. Job handlers themselves run as the app role, in the job's
 * tenant.
 */
export const WORKER_ROLE = 'nexo_worker';

/** The connection URL of the app role on the same server and database as `adminUrl`. */
export function appRoleUrl(adminUrl: string, password?: string): string {
  const url = new URL(adminUrl);
  url.username = APP_ROLE;
  url.password = password ? encodeURIComponent(password) : '';
  return url.toString();
}

/** The connection URL of the outbox relay role; it shares the app role's password. */
export function relayRoleUrl(adminUrl: string, password?: string): string {
  const url = new URL(adminUrl);
  url.username = RELAY_ROLE;
  url.password = password ? encodeURIComponent(password) : '';
  return url.toString();
}

/** The connection URL of the job queue's role; it shares the app role's password too. */
export function workerRoleUrl(adminUrl: string, password?: string): string {
  const url = new URL(adminUrl);
  url.username = WORKER_ROLE;
  url.password = password ? encodeURIComponent(password) : '';
  return url.toString();
}

/** A URL without its password, for log lines and messages. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
