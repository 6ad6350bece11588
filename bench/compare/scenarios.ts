/**
 * The same six operations, as each contender speaks them: NEXO's REST API, the limit's
 * bare routes (same paths, same cursor format), PostGraphile's GraphQL.
 */
import { randomUUID } from 'node:crypto';

export type ScenarioName = 'list' | 'deep-page' | 'get-by-id' | 'search' | 'create' | 'update';
export const SCENARIOS: ScenarioName[] = [
  'list',
  'deep-page',
  'get-by-id',
  'search',
  'create',
  'update',
];
export const SEARCH_TERMS = [
  'Kiosco Norte',
  'Bodega',
  'San Martín 1',
  'Farmacia Mitre',
  'contacto42',
  'Rivadavia 3',
];

const NEW_NAMES = [
  'Comercial Ituzaingó',
  'Nuevo Rumbo',
  'Sabores Caseros',
  'Punto Limpio',
  'Buen Provecho',
  'Casa Fénix',
  'Tienda Alborada',
  'Grupo Horizonte',
];
const NEW_PLACES = [
  'Oriente',
  'Poniente',
  'Litoral',
  'Cordillera',
  'Llanura',
  'Meseta',
  'Delta',
  'Sierra',
  'Valle',
  'Estepa',
];

export type ContenderName = 'nexo' | 'limit' | 'postgraphile';

/** What each load tenant offers the scenarios: its token, ids to read and update, a deep cursor. */
export interface TenantFixture {
  tenantId: string;
  token: string;
  ids: string[];
  deepCursor: string;
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** autocannon clears a connection's context before each request; only the in-flight one is kept. */
interface Context {
  entry?: PoolEntry;
}
interface PoolEntry {
  tenant: TenantFixture;
  id: string;
  version: number;
}

let counter = 0;
/**
 * Records to update, each checked out by one request at a time and returned with its new
 * version: no two requests race on a row, and every `If-Match` is the current version.
 */
let pool: PoolEntry[] = [];
export const resetRun = (tenants: TenantFixture[]): void => {
  counter = 0;
  pool = tenants.flatMap((tenant) =>
    tenant.ids.slice(0, 100).map((id) => ({ tenant, id, version: 1 })),
  );
};
const PARTY_FIELDS =
  'rowId kind name legalName isCustomer isSupplier isProfessional taxCountry taxId email phone website tags ownerId teamId creditLimit paymentTermsDays customerGroup notes custom status mergedIntoId createdAt updatedAt version';
const gql = (query: string, variables: Record<string, unknown>): string =>
  JSON.stringify({ query, variables });

/**
 * One request per call, spread over the tenants: each connection keeps its own tenant and,
 * for updates, its own records and their versions (so no two connections race on a row).
 */
export function buildRequest(
  contender: ContenderName,
  scenario: ScenarioName,
  tenants: TenantFixture[],
  context: Context,
): RequestSpec {
  const n = counter++;
  let t = tenants[n % tenants.length] as TenantFixture;
  let mine = '';
  if (scenario === 'update') {
    const entry = pool.shift();
    if (!entry) throw new Error('more connections than records to update');
    context.entry = entry;
    t = entry.tenant;
    mine = entry.id;
  }
  const auth = { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' };
  const id = t.ids[(n * 7) % t.ids.length] as string;
  const term = SEARCH_TERMS[n % SEARCH_TERMS.length] as string;
  // Varied like real sign-ups, so the duplicate check sees realistic neighbours.
  const name = `${NEW_NAMES[n % NEW_NAMES.length]} ${NEW_PLACES[(n >> 3) % NEW_PLACES.length]} ${randomUUID().slice(0, 4)}`;
  if (contender === 'postgraphile') {
    const list = (search: boolean) =>
      `query($after: Cursor${search ? ', $q: String' : ''}) { allParties(first: 50, orderBy: [NAME_ASC, PRIMARY_KEY_ASC], after: $after${search ? ', condition: { nameContains: $q }' : ''}) { nodes { ${PARTY_FIELDS} } pageInfo { endCursor hasNextPage } } }`;
    const body = {
      list: gql(list(false), {}),
      'deep-page': gql(list(false), { after: t.deepCursor }),
      'get-by-id': gql(
        `query($t: UUID!, $id: UUID!) { partyByTenantIdAndRowId(tenantId: $t, rowId: $id) { ${PARTY_FIELDS} } }`,
        { t: t.tenantId, id },
      ),
      search: gql(list(true), { q: term }),
      create: gql(
        `mutation($p: PartyInput!) { createParty(input: { party: $p }) { party { ${PARTY_FIELDS} } } }`,
        {
          p: { tenantId: t.tenantId, rowId: randomUUID(), kind: 'organization', name },
        },
      ),
      update: gql(
        `mutation($t: UUID!, $id: UUID!, $name: String!) { updatePartyByTenantIdAndRowId(input: { tenantId: $t, rowId: $id, partyPatch: { name: $name } }) { party { ${PARTY_FIELDS} } } }`,
        { t: t.tenantId, id: mine, name },
      ),
    }[scenario];
    return { method: 'POST', path: '/graphql', headers: auth, body };
  }
  const base = contender === 'nexo' ? '/api/v1/crm/parties' : '/parties';
  switch (scenario) {
    case 'list':
      return { method: 'GET', path: `${base}?limit=50`, headers: auth };
    case 'deep-page':
      return { method: 'GET', path: `${base}?limit=50&cursor=${t.deepCursor}`, headers: auth };
    case 'get-by-id':
      return { method: 'GET', path: `${base}/${id}`, headers: auth };
    case 'search':
      return {
        method: 'GET',
        path: `${base}?limit=50&q=${encodeURIComponent(term)}`,
        headers: auth,
      };
    case 'create':
      return {
        method: 'POST',
        path: base,
        headers: auth,
        body: JSON.stringify({ kind: 'organization', name }),
      };
    case 'update':
      return {
        method: 'PATCH',
        path: `${base}/${mine}`,
        headers: { ...auth, 'if-match': `"${context.entry?.version ?? 1}"` },
        body: JSON.stringify({ name }),
      };
  }
}

/** An update's answer: its record goes back to the pool with the version it now has. */
export function returnEntry(context: Context, status: number, body: string): void {
  const entry = context.entry;
  if (!entry) return;
  context.entry = undefined;
  if (status === 200) {
    try {
      const parsed = JSON.parse(body) as {
        version?: number;
        data?: { updatePartyByTenantIdAndRowId?: { party?: { version?: number } } };
      };
      entry.version =
        parsed.version ??
        parsed.data?.updatePartyByTenantIdAndRowId?.party?.version ??
        entry.version;
    } catch {
      // Not JSON: keep the version it had.
    }
  }
  pool.push(entry);
}
