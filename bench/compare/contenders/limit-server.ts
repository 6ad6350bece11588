/**
 * The limit: Fastify + pg and nothing else. Each request verifies the same JWT and runs the
 * same statements NEXO runs for it, in one transaction that sets the same tenant settings:
 * what this machine allows for the work itself, without a framework around it.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { tokenVerifier, type Claims } from './jwt.ts';

const pool = new pg.Pool({ connectionString: process.env.BENCH_APP_URL, max: 10 });
const verify = tokenVerifier();
const app = Fastify({ logger: false, bodyLimit: 1_048_576 });

const COLUMNS = `id, kind, name, legal_name, is_customer, is_supplier, is_professional, tax_country, tax_id,
  email, phone, website, tags, owner_id, team_id, credit_limit, payment_terms_days, customer_group, notes,
  custom, status, merged_into_id, created_at, updated_at, version`;

async function inTenant<T>(claims: Claims, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    // BEGIN and the settings in one round trip, as NEXO sends them (values quoted literals).
    await client.query(
      `begin; select set_config('app.tenant_id', ${pg.escapeLiteral(claims.tid)}, true),
              set_config('app.user_id', ${pg.escapeLiteral(claims.sub)}, true),
              set_config('app.actor', ${pg.escapeLiteral(claims.act)}, true), set_config('app.party_id', '', true)`,
    );
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

const toCamel = (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
      v,
    ]),
  );

app.get<{ Querystring: { limit?: string; cursor?: string; q?: string } }>(
  '/parties',
  async (req) => {
    const claims = await verify(req.headers.authorization);
    const limit = Number(req.query.limit ?? 50);
    return inTenant(claims, async (c) => {
      const params: unknown[] = [claims.tid];
      let where = 'tenant_id = $1';
      if (req.query.q) {
        params.push(`%${req.query.q}%`);
        const p = `$${params.length}`;
        where += ` and search_text like lower(${p})`;
      }
      if (req.query.cursor) {
        const [sortValue, id] = JSON.parse(
          Buffer.from(req.query.cursor, 'base64url').toString(),
        ) as [string, string];
        params.push(sortValue, id);
        where += ` and (name, id) > ($${params.length - 1}, $${params.length})`;
      }
      params.push(limit + 1);
      const { rows } = await c.query<Record<string, unknown>>(
        `select ${COLUMNS}, name as sort_key from crm.parties where ${where} order by name, id limit $${params.length}`,
        params,
      );
      const items = rows.slice(0, limit);
      const last = items.at(-1) as { sort_key: string; id: string } | undefined;
      return {
        items: items.map(({ sort_key: _s, ...r }) => toCamel(r)),
        nextCursor:
          rows.length > limit && last
            ? Buffer.from(JSON.stringify([last.sort_key, last.id])).toString('base64url')
            : null,
      };
    });
  },
);

app.get<{ Params: { id: string } }>('/parties/:id', async (req, reply) => {
  const claims = await verify(req.headers.authorization);
  const row = await inTenant(claims, async (c) => {
    // A named statement, as NEXO prepares this query per connection.
    const { rows } = await c.query({
      name: 'party_by_id',
      text: `select ${COLUMNS} from crm.parties where tenant_id = $1 and id = $2`,
      values: [claims.tid, req.params.id],
    });
    return rows[0] as Record<string, unknown> | undefined;
  });
  if (!row) return reply.code(404).send({ code: 'not_found' });
  void reply.header('etag', `"${String(row.version)}"`);
  return toCamel(row);
});

async function audit(
  c: pg.PoolClient,
  claims: Claims,
  action: string,
  id: string,
  after: unknown,
): Promise<void> {
  await c.query(
    `insert into audit.audit_log (tenant_id, id, principal_id, user_id, actor, action, resource, resource_id, after)
     values ($1, $2, null, $3, $4, $5, 'crm.party', $6, $7)`,
    [claims.tid, randomUUID(), claims.sub, claims.act, action, id, JSON.stringify(after)],
  );
  // Published at once: the limit has no relay, and NEXO's, running beside it in the bench,
  // must not deliver its events on its time (it saves the two partial-index entries of
  // unpublished rows, a little less work than NEXO's insert).
  await c.query(
    `insert into events.outbox (tenant_id, id, type, version, aggregate_type, aggregate_id, payload, published_at)
     values ($1, $2, $3, 1, 'crm.party', $4, $5, now())`,
    [
      claims.tid,
      randomUUID(),
      `crm.party.${action === 'create' ? 'created' : 'updated'}`,
      id,
      JSON.stringify({ name: 'x', kind: 'organization', fields: ['name'] }),
    ],
  );
}

app.post<{ Body: { kind: string; name: string } }>('/parties', async (req, reply) => {
  const claims = await verify(req.headers.authorization);
  const row = await inTenant(claims, async (c) => {
    // NEXO's duplicate probe runs on every create.
    await c.query(
      `select id, name from crm.parties where tenant_id = $1 and status <> 'merged'
         and (name % $2 and similarity(name, $2) >= 0.45) order by similarity(name, $2) desc limit 10`,
      [claims.tid, req.body.name],
    );
    const { rows } = await c.query(
      `insert into crm.parties (tenant_id, id, kind, name, owner_id) values ($1, $2, $3, $4, $5) returning ${COLUMNS}`,
      [claims.tid, randomUUID(), req.body.kind, req.body.name, claims.sub],
    );
    const created = rows[0] as Record<string, unknown>;
    await audit(c, claims, 'create', String(created.id), created);
    return created;
  });
  return reply.code(201).send(toCamel(row));
});

app.patch<{ Params: { id: string }; Body: { name: string } }>(
  '/parties/:id',
  async (req, reply) => {
    const claims = await verify(req.headers.authorization);
    const version = Number(/"(\d+)"/.exec(String(req.headers['if-match'] ?? ''))?.[1] ?? NaN);
    if (!Number.isInteger(version)) return reply.code(428).send({ code: 'precondition_required' });
    const row = await inTenant(claims, async (c) => {
      const before = await c.query({
        name: 'party_by_id',
        text: `select ${COLUMNS} from crm.parties where tenant_id = $1 and id = $2`,
        values: [claims.tid, req.params.id],
      });
      if (!before.rows[0]) return undefined;
      const { rows } = await c.query(
        `update crm.parties set name = $3, updated_at = now(), version = version + 1
       where tenant_id = $1 and id = $2 and version = $4 returning ${COLUMNS}`,
        [claims.tid, req.params.id, req.body.name, version],
      );
      if (rows[0]) await audit(c, claims, 'update', req.params.id, rows[0]);
      return rows[0] as Record<string, unknown> | null;
    });
    if (row === undefined) return reply.code(404).send({ code: 'not_found' });
    if (row === null) return reply.code(412).send({ code: 'precondition_failed' });
    void reply.header('etag', `"${String(row.version)}"`);
    return toCamel(row);
  },
);

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
const address = app.server.address();
console.log(`READY http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0)),
);
