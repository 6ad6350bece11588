import type pg from 'pg';
import { columnValues, tenantRows, tenantTables } from './inventory.js';
import type { IdSource } from './schema-arbitraries.js';
import type { SeededCompany } from './seed.js';

type Label = 'A' | 'B';

export interface IdPools {
  /** Ids as one company's admin sees them: own records, and the other company's. */
  idSource(self: Label, ownMembershipId: string): IdSource;
  /** Values of a non-uuid path parameter (`key@/api/v1/permissions/roles`) in each company. */
  paramValues(field: string, self: Label): { own: readonly string[]; foreign: readonly string[] };
  /**
   * Values a list route answers for one company, by the path parameter they fill:
   * `id@/api/v1/custom-fields` (its items' ids), `clientId@/api/v1/auth/api-clients`.
   */
  addListed(field: string, label: Label, values: readonly string[]): void;
  /** What names the other company's records and not one's own: ids, keys, client ids. */
  foreignNames(self: Label): Set<string>;
  /** How many ids each company has, by table (for the log). */
  summary(): string;
}

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');
const singular = (s: string): string =>
  s.endsWith('ies')
    ? `${s.slice(0, -3)}y`
    : s.endsWith('sses')
      ? s.slice(0, -2)
      : s.endsWith('s') && !s.endsWith('ss')
        ? s.slice(0, -1)
        : s;
export const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The tables a field or path names: `partyId` and `/parties/:id` → `crm.parties`,
 * `stageId` → `crm.pipeline_stages`, `/jobs/:id` → `jobs.runs`. By name only, so a new
 * module's tables are found the same way.
 */
export function tablesFor(entity: string, tables: readonly string[]): string[] {
  const e = singular(norm(entity));
  if (!e) return [];
  const split = (t: string): [string, string] => {
    const [schema = '', name = ''] = t.split('.');
    return [norm(schema), norm(name)];
  };
  const exact = tables.filter((t) => {
    const [schema, name] = split(t);
    return singular(name).endsWith(e) || singular(schema + name) === e;
  });
  if (exact.length) return exact;
  return tables.filter((t) => {
    const [schema, name] = split(t);
    return name.startsWith(e) || (schema + name).startsWith(e);
  });
}

/** The ids of every record of both companies, read from the database after seeding. */
export async function buildIdPools(
  client: pg.Client,
  companies: Record<Label, SeededCompany>,
  uris: readonly string[],
): Promise<IdPools> {
  const tenantOf: Record<Label, string> = {
    A: companies.A.admin.tenantId,
    B: companies.B.admin.tenantId,
  };
  const tables = await tenantTables(client);
  const rows = await tenantRows(client, tables, [tenantOf.A, tenantOf.B]);
  const labelOf = (tenantId: string): Label => (tenantId === tenantOf.A ? 'A' : 'B');
  const byTable: Record<Label, Map<string, string[]>> = { A: new Map(), B: new Map() };
  const byColumn: Record<Label, Map<string, Set<string>>> = { A: new Map(), B: new Map() };
  for (const row of rows) {
    const label = labelOf(row.tenantId);
    const id = row.values.id?.[0];
    if (id) byTable[label].set(row.table, [...(byTable[label].get(row.table) ?? []), id]);
    for (const [column, values] of Object.entries(row.values)) {
      const set = byColumn[label].get(column) ?? new Set<string>();
      for (const v of values) set.add(v);
      byColumn[label].set(column, set);
    }
  }
  // The company itself is a record too (`/tenants/:id`, `tenantId` fields).
  for (const label of ['A', 'B'] as const) byTable[label].set('tenancy.tenants', [tenantOf[label]]);
  const tableNames = [...new Set([...byTable.A.keys(), ...byTable.B.keys()])].sort();
  for (const label of ['A', 'B'] as const) for (const ids of byTable[label].values()) ids.sort();

  const users: Record<Label, string[]> = {
    A: [...(byColumn.A.get('user_id') ?? [])].sort(),
    B: [...(byColumn.B.get('user_id') ?? [])].sort(),
  };
  const all = (label: Label): string[] => [
    ...new Set([...[...byTable[label].values()].flat(), ...users[label]]),
  ];

  const listed = new Map<string, Record<Label, string[]>>();
  const cache = new Map<string, string[]>();
  const idsFor = (label: Label, field: string): string[] => {
    const key = `${label}:${field}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const found = new Set<string>();
    if (field.startsWith('id@')) {
      // `id@/api/v1/crm/parties`: what the API lists there, else the tables so named.
      const prefix = field.slice(3);
      for (const id of listed.get(field)?.[label] ?? []) found.add(id);
      if (found.size === 0)
        for (const table of tablesFor(prefix.split('/').pop() ?? '', tableNames))
          for (const id of byTable[label].get(table) ?? []) found.add(id);
    } else if (field && field !== 'id') {
      const column = snake(field.replace(/Ids$/, 'Id'));
      const values = [...(byColumn[label].get(column) ?? [])];
      // A column some tables use for users and others for records (`owner_id`: a party's
      // owner, an item code's item): the users, when there are any.
      const people = values.filter((v) => users[label].includes(v));
      for (const v of people.length ? people : values) found.add(v);
      const entity = field.replace(/Ids?$/, '');
      if (entity !== field || found.size === 0)
        for (const table of tablesFor(entity, tableNames))
          for (const id of byTable[label].get(table) ?? []) found.add(id);
    }
    const out = [...found].sort();
    cache.set(key, out);
    return out;
  };

  const params = new Map<string, Map<string, string[]>>();
  const loadParam = async (name: string): Promise<void> => {
    params.set(name, await columnValues(client, snake(name), [tenantOf.A, tenantOf.B]));
  };
  // Non-uuid path parameters of the API, loaded now (the client is closed afterwards).
  for (const name of ['key', 'clientId', 'resource']) await loadParam(name);

  /** Everything that names a record of one company only (ids, role keys, client ids). */
  const namesOf = (label: Label): Set<string> => {
    const out = new Set(all(label));
    for (const entry of listed.values()) for (const v of entry[label]) out.add(v);
    for (const byTenant of params.values())
      for (const v of byTenant.get(tenantOf[label]) ?? []) out.add(v);
    return out;
  };
  return {
    foreignNames(self) {
      const other: Label = self === 'A' ? 'B' : 'A';
      const own = namesOf(self);
      return new Set([...namesOf(other)].filter((v) => !own.has(v)));
    },
    addListed(field, label, ids) {
      const entry = listed.get(field) ?? { A: [], B: [] };
      entry[label] = [...new Set([...entry[label], ...ids])].sort();
      listed.set(field, entry);
      cache.clear();
    },
    idSource(self, ownMembershipId) {
      const other: Label = self === 'A' ? 'B' : 'A';
      // Never the caller's own membership: disabling it or taking its roles would end the
      // run's admin, which tests nothing the other member does not.
      const keep = (ids: string[]): string[] => ids.filter((id) => id !== ownMembershipId);
      const anyOwn = keep(all(self));
      const anyForeign = all(other);
      return {
        own: (field) => {
          const ids = keep(idsFor(self, field));
          return ids.length ? ids : anyOwn;
        },
        foreign: (field) => idsFor(other, field),
        anyForeign,
        anyOwn,
        keys: [...(params.get('key')?.get(tenantOf[self]) ?? []), 'color'],
        uris,
        named: (field) => {
          const wanted = singular(norm(field));
          if (!wanted) return [];
          const out: string[] = [];
          for (const [key, values] of listed) {
            const [name = '', prefix = ''] = key.split('@');
            const entity = singular(norm(prefix.split('/').pop() ?? ''));
            if (name !== 'id' && entity === wanted) out.push(...values[self]);
          }
          return out;
        },
      };
    },
    paramValues(field, self) {
      const other: Label = self === 'A' ? 'B' : 'A';
      const fromList = listed.get(field);
      if (fromList?.[self].length) return { own: fromList[self], foreign: fromList[other] };
      const values = params.get(field.split('@')[0] ?? '');
      return {
        own: values?.get(tenantOf[self]) ?? [],
        foreign: values?.get(tenantOf[other]) ?? [],
      };
    },
    summary() {
      return tableNames
        .map((t) => `${t} ${byTable.A.get(t)?.length ?? 0}/${byTable.B.get(t)?.length ?? 0}`)
        .join(', ');
    },
  };
}
