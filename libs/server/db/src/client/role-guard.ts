/** Anything that runs a query: a pool, a client, or an adapter over another driver's pool. */
export interface Queryable {
  query<R extends Record<string, unknown>>(text: string): Promise<{ rows: R[] }>;
}

export class UnsafeDatabaseRoleError extends Error {
  constructor(role: string, reasons: string[]) {
    super(
      `Refusing to start: the database role "${role}" could bypass row-level security (${reasons.join(
        '; ',
      )}). Connect the API as the app role (nexo_app), which is NOSUPERUSER NOBYPASSRLS and owns no table.`,
    );
    this.name = 'UnsafeDatabaseRoleError';
  }
}

/**
 * Tenant isolation rests on RLS, and RLS does not bind a superuser, a BYPASSRLS role, or a
 * table's owner (without FORCE). The API checks its own role at boot and stops if unsafe.
 */
export async function assertRoleCannotBypassRls(pool: Queryable): Promise<void> {
  const { rows } = await pool.query<{
    role: string;
    rolsuper: boolean;
    rolbypassrls: boolean;
    owned: number;
  }>(`
    select r.rolname as role, r.rolsuper, r.rolbypassrls,
      (select count(*)::int from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
        where c.relowner = r.oid and c.relkind in ('r', 'p')
          and n.nspname not in ('pg_catalog', 'information_schema')) as owned
    from pg_roles r where r.rolname = current_user`);
  const me = rows[0];
  if (!me) throw new Error('Cannot read the current role from pg_roles');
  const reasons: string[] = [];
  if (me.rolsuper) reasons.push('it is a superuser');
  if (me.rolbypassrls) reasons.push('it has BYPASSRLS');
  if (me.owned > 0) reasons.push(`it owns ${me.owned} table(s)`);
  if (reasons.length) throw new UnsafeDatabaseRoleError(me.role, reasons);
}
