import type pg from 'pg';
import { type TenantRow, tenantRows, tenantTables } from './inventory.js';

export interface Inventory {
  tenantIds: string[];
  rows: TenantRow[];
  /** Every user id there is (users belong to no company: memberships say whose they are). */
  users: Set<string>;
  /** Each company's member user ids. */
  members: Map<string, Set<string>>;
}

/**
 * Every row of the given companies in every tenant table (as the superuser, past RLS), and
 * who is a member of which. Membership is read from the table that has `user_id` and
 * `tenant_id` and whose name says memberships, so the check needs no list of tables.
 */
export async function inventoryOfTenants(
  client: pg.Client,
  tenantIds: string[],
): Promise<Inventory> {
  const tables = await tenantTables(client);
  const rows = await tenantRows(client, tables, tenantIds);
  const { rows: userRows } = await client.query<{ id: string }>(
    `select id::text as id from auth.users`,
  );
  const members = new Map<string, Set<string>>(tenantIds.map((t) => [t, new Set<string>()]));
  for (const row of rows) {
    if (!/\.memberships$/.test(row.table)) continue;
    const user = row.values.user_id?.[0];
    if (user) members.get(row.tenantId)?.add(user);
  }
  return { tenantIds, rows, users: new Set(userRows.map((r) => r.id)), members };
}

/**
 * Values in one company's rows that are another company's record ids (any table's `id`,
 * or the company id itself), or users who are not members of the row's company: one line
 * per table and column, with a sample row.
 */
export function crossCompanyReferences(inventory: Inventory): string[] {
  const owner = new Map<string, string>();
  for (const tenantId of inventory.tenantIds) owner.set(tenantId, tenantId);
  for (const row of inventory.rows) {
    const id = row.values.id?.[0];
    if (id) owner.set(id, row.tenantId);
  }
  const found = new Map<string, { count: number; sample: string }>();
  for (const row of inventory.rows) {
    for (const [column, values] of Object.entries(row.values)) {
      for (const value of values) {
        let why = '';
        const of = owner.get(value);
        if (of && of !== row.tenantId) why = `id of the other company (${of})`;
        else if (inventory.users.has(value) && !inventory.members.get(row.tenantId)?.has(value))
          why = 'user who is not a member';
        if (!why) continue;
        const key = `${row.table}.${column}: ${why.replace(/ \(.*\)$/, '')}`;
        const seen = found.get(key);
        if (seen) seen.count++;
        else
          found.set(key, {
            count: 1,
            sample: `row of company ${row.tenantId}: ${JSON.stringify(row.values)} — ${column}=${value} is an ${why}`,
          });
      }
    }
  }
  return [...found].map(([key, { count, sample }]) => `${key} (${count}×)\n  ${sample}`);
}
