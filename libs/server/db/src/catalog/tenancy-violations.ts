import type pg from 'pg';

export interface TenancyViolation {
  table: string;
  problem: string;
}

/**
 * Reads pg_catalog and lists every tenant-owned table (one with a `tenant_id` column) that
 * breaks the tenancy rules: RLS enabled and forced, at least one policy, and `tenant_id`
 * leading its primary key, unique indexes and foreign keys to other tenant tables.
 */
export async function findTenancyViolations(
  client: pg.ClientBase | pg.Pool,
): Promise<TenancyViolation[]> {
  const { rows } = await client.query<TenancyViolation>(`
    with tenant_tables as (
      select c.oid, format('%I.%I', n.nspname, c.relname) as name, c.relrowsecurity, c.relforcerowsecurity
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
       where c.relkind in ('r', 'p')
         and n.nspname not in ('pg_catalog', 'information_schema', 'drizzle')
         and n.nspname not like 'pg_toast%'
    ),
    tenant_col as (
      select t.oid, a.attnum from tenant_tables t
        join pg_attribute a on a.attrelid = t.oid and a.attname = 'tenant_id'
    )
    select name as table, 'row-level security is not enabled' as problem from tenant_tables where not relrowsecurity
    union all
    select name, 'row-level security is not forced' from tenant_tables where not relforcerowsecurity
    union all
    select t.name, 'has no policy' from tenant_tables t
     where not exists (select 1 from pg_policy p where p.polrelid = t.oid)
    union all
    select t.name, 'tenant_id is nullable' from tenant_tables t
      join pg_attribute a on a.attrelid = t.oid and a.attname = 'tenant_id' where not a.attnotnull
    union all
    select t.name, 'has no primary key' from tenant_tables t
     where not exists (select 1 from pg_constraint k where k.conrelid = t.oid and k.contype = 'p')
    union all
    select t.name, format('index %s does not start with tenant_id', i.indexrelid::regclass)
      from tenant_tables t
      join tenant_col tc on tc.oid = t.oid
      join pg_index i on i.indrelid = t.oid
     where (i.indisprimary or i.indisunique) and i.indkey[0] <> tc.attnum
    union all
    select t.name, format('foreign key %s does not start with tenant_id', k.conname)
      from tenant_tables t
      join tenant_col tc on tc.oid = t.oid
      join pg_constraint k on k.conrelid = t.oid and k.contype = 'f'
     where k.confrelid in (select oid from tenant_tables) and k.conkey[1] <> tc.attnum
    order by 1, 2`);
  return rows;
}
