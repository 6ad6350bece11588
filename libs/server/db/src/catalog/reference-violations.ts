import type pg from 'pg';
import type { TenancyViolation } from './tenancy-violations.js';

/** `schema.table.column` → why the column is no reference a tenant-leading key could check. */
export type ReferenceExceptions = Readonly<Record<string, string>>;

/**
 * Reads pg_catalog and lists every column of a tenant table that may name another record (a
 * `uuid` or `uuid[]` column, one named `*_id`, `*_ids` or `*_by`, or `roles`; not `tenant_id`
 * or the table's own `id`) and is not covered by a validated foreign key that leads with
 * `tenant_id` into another tenant table's `tenant_id` (so it can only match a row of the same
 * company), unless `exceptions` lists it with its reason. A listed column that no longer
 * exists, or that has such a key after all, is named too, so the list stays true.
 */
export async function findUnscopedReferences(
  client: pg.ClientBase | pg.Pool,
  exceptions: ReferenceExceptions,
): Promise<TenancyViolation[]> {
  const { rows } = await client.query<{
    table: string;
    column: string;
    scoped: boolean;
    unvalidated: string | null;
  }>(`
    with tenant_tables as (
      select c.oid, format('%I.%I', n.nspname, c.relname) as name, a.attnum as tenant_attnum
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
       where c.relkind in ('r', 'p')
         and n.nspname not in ('pg_catalog', 'information_schema', 'drizzle')
         and n.nspname not like 'pg_toast%'
    ),
    candidates as (
      select t.oid, t.name, t.tenant_attnum, a.attnum, a.attname
        from tenant_tables t
        join pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
       where a.attname not in ('tenant_id', 'id')
         and (a.atttypid in ('uuid'::regtype, 'uuid[]'::regtype)
              or a.attname ~ '_(id|ids|by)$' or a.attname = 'roles')
    ),
    tenant_keys as (
      select k.conrelid, k.conkey, k.conname, k.convalidated
        from pg_constraint k
        join tenant_tables src on src.oid = k.conrelid
        join tenant_tables dst on dst.oid = k.confrelid
       where k.contype = 'f'
         and k.conkey[1] = src.tenant_attnum
         and k.confkey[1] = dst.tenant_attnum
    )
    select c.name as table, c.attname as column,
           exists (select 1 from tenant_keys k
                    where k.conrelid = c.oid and c.attnum = any (k.conkey) and k.convalidated) as scoped,
           (select string_agg(k.conname, ', ') from tenant_keys k
             where k.conrelid = c.oid and c.attnum = any (k.conkey) and not k.convalidated) as unvalidated
      from candidates c
     order by 1, 2`);
  const violations: TenancyViolation[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const name = `${row.table}.${row.column}`;
    seen.add(name);
    const excepted = Object.hasOwn(exceptions, name);
    if (row.scoped && excepted)
      violations.push({
        table: row.table,
        problem: `${row.column} is listed as an exception but has a tenant-leading foreign key`,
      });
    else if (!row.scoped && !excepted)
      violations.push({
        table: row.table,
        problem: row.unvalidated
          ? `${row.column}: foreign key ${row.unvalidated} is not validated`
          : `${row.column} has no foreign key that leads with tenant_id`,
      });
  }
  for (const name of Object.keys(exceptions))
    if (!seen.has(name))
      violations.push({
        table: name.split('.').slice(0, 2).join('.'),
        problem: `${name.split('.')[2] ?? name} is listed as an exception but is no reference column`,
      });
  return violations.sort(
    (a, b) => a.table.localeCompare(b.table) || a.problem.localeCompare(b.problem),
  );
}
