import type pg from 'pg';

/** A table with a `tenant_id`, and its uuid and uuid[] columns (besides `tenant_id`). */
export interface TenantTable {
  name: string;
  uuidColumns: string[];
  uuidArrayColumns: string[];
  hasId: boolean;
}

const q = (ident: string): string => `"${ident.replace(/"/g, '""')}"`;

/** Every tenant table of the database, from the catalog: new modules' tables come with it. */
export async function tenantTables(client: pg.Client): Promise<TenantTable[]> {
  const { rows } = await client.query<{
    schema: string;
    table: string;
    column: string;
    type: string;
  }>(
    `select c.table_schema as schema, c.table_name as table, c.column_name as column, c.udt_name as type
       from information_schema.columns c
       join information_schema.tables t
         on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema not in ('pg_catalog', 'information_schema')
        and exists (select 1 from information_schema.columns k
                     where k.table_schema = c.table_schema and k.table_name = c.table_name
                       and k.column_name = 'tenant_id')
      order by 1, 2, c.ordinal_position`,
  );
  const tables = new Map<string, TenantTable>();
  for (const row of rows) {
    const name = `${q(row.schema)}.${q(row.table)}`;
    const table = tables.get(name) ?? {
      name,
      uuidColumns: [],
      uuidArrayColumns: [],
      hasId: false,
    };
    tables.set(name, table);
    if (row.column === 'tenant_id') continue;
    if (row.column === 'id' && row.type === 'uuid') table.hasId = true;
    if (row.type === 'uuid') table.uuidColumns.push(row.column);
    if (row.type === '_uuid') table.uuidArrayColumns.push(row.column);
  }
  return [...tables.values()];
}

/** `"crm"."parties"` → `crm.parties` */
export const plainName = (name: string): string => name.replace(/"/g, '');

export interface TenantRow {
  table: string;
  tenantId: string;
  /** column → its uuid values in this row (one for a uuid column, any number for uuid[]). */
  values: Record<string, string[]>;
}

/** Every row of the given tenants in every tenant table, with its uuid values. */
export async function tenantRows(
  client: pg.Client,
  tables: readonly TenantTable[],
  tenantIds: readonly string[],
): Promise<TenantRow[]> {
  const out: TenantRow[] = [];
  for (const table of tables) {
    const columns = [...table.uuidColumns, ...table.uuidArrayColumns];
    if (columns.length === 0) continue;
    const select = [
      'tenant_id::text as "tenant_id"',
      ...table.uuidColumns.map((c) => `${q(c)}::text as ${q(c)}`),
      ...table.uuidArrayColumns.map((c) => `${q(c)}::text[] as ${q(c)}`),
    ].join(', ');
    const { rows } = await client.query<Record<string, string | string[] | null>>(
      `select ${select} from ${table.name} where tenant_id = any($1::uuid[])`,
      [tenantIds],
    );
    for (const row of rows) {
      const values: Record<string, string[]> = {};
      for (const column of columns) {
        const value = row[column];
        if (value === null || value === undefined) continue;
        values[column] = Array.isArray(value) ? value : [value];
      }
      out.push({ table: plainName(table.name), tenantId: String(row.tenant_id), values });
    }
  }
  return out;
}

/** Values of text-like columns named `column` in the tenants' tables (role keys, client ids). */
export async function columnValues(
  client: pg.Client,
  column: string,
  tenantIds: readonly string[],
): Promise<Map<string, string[]>> {
  const { rows: tables } = await client.query<{ schema: string; table: string }>(
    `select c.table_schema as schema, c.table_name as table
       from information_schema.columns c
      where c.column_name = $1 and c.table_schema not in ('pg_catalog', 'information_schema')
        and exists (select 1 from information_schema.columns k
                     where k.table_schema = c.table_schema and k.table_name = c.table_name
                       and k.column_name = 'tenant_id')
      order by 1, 2`,
    [column],
  );
  const byTenant = new Map<string, string[]>(tenantIds.map((t) => [t, []]));
  for (const { schema, table } of tables) {
    const { rows } = await client.query<{ tenant_id: string; value: string }>(
      `select distinct tenant_id::text as tenant_id, ${q(column)}::text as value
         from ${q(schema)}.${q(table)} where tenant_id = any($1::uuid[]) and ${q(column)} is not null
        order by 1, 2`,
      [tenantIds],
    );
    for (const row of rows) byTenant.get(row.tenant_id)?.push(row.value);
  }
  return byTenant;
}
