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

/**
 * One request's statements, sent as NEXO sends them (ADR 0003): BEGIN and the settings with
 * a write's first statement and the audit row with its COMMIT; a read's statements each with
 * the settings and no BEGIN; every statement prepared once per connection (`PREPARE`/`EXECUTE`
 * where it rides with the settings, a named statement otherwise).
 */
class Session {
  private opened = false;
  readonly atCommit: string[] = [];

  // Plain fields: Node runs this file with type stripping, which has no parameter properties.
  private readonly client: pg.PoolClient & { prepared?: Set<string> };
  private readonly claims: Claims;
  private readonly readOnly: boolean;

  constructor(client: pg.PoolClient, claims: Claims, readOnly: boolean) {
    this.client = client;
    this.claims = claims;
    this.readOnly = readOnly;
  }

  /** A prepared statement of this connection with its values: `PREPARE` the first time here. */
  private execute(name: string, text: string, values: (string | number | null)[]): string[] {
    const prepared = (this.client.prepared ??= new Set());
    const literals = values.map((v) => (v === null ? 'null' : pg.escapeLiteral(String(v))));
    const execute = `execute q_${name}(${literals.join(', ')})`;
    if (prepared.has(name)) return [execute];
    prepared.add(name);
    return [`prepare q_${name} as ${text}`, execute];
  }

  /** The settings, prepared like NEXO's (their text is the same for every request of a kind). */
  private settings(): string[] {
    const { claims } = this;
    const readOnly = this.readOnly ? `, set_config('transaction_read_only', 'on', true)` : '';
    return this.execute(
      `settings${this.readOnly ? '_read' : ''}`,
      `select set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true),
        set_config('app.actor', $3, true), set_config('app.party_id', $4, true)${readOnly}`,
      [claims.tid, claims.sub, claims.act, ''],
    );
  }

  async query<R extends pg.QueryResultRow>(
    name: string,
    text: string,
    values: (string | number | null)[],
  ): Promise<pg.QueryResult<R>> {
    if (!this.readOnly && this.opened)
      return this.client.query<R>({ name: `p_${name}`, text, values });
    const head = this.readOnly ? this.settings() : ['begin', ...this.settings()];
    this.opened = true;
    const results = (await this.client.query(
      [...head, ...this.execute(name, text, values)].join(';\n'),
    )) as unknown as pg.QueryResult<R>[];
    return results.at(-1) as pg.QueryResult<R>;
  }

  async end(): Promise<void> {
    if (this.readOnly) return;
    const head = this.opened ? [] : ['begin', ...this.settings()];
    await this.client.query([...head, ...this.atCommit, 'commit'].join(';\n'));
  }

  async abort(): Promise<void> {
    if (this.opened && !this.readOnly) await this.client.query('rollback');
  }
}

async function inTenant<T>(
  claims: Claims,
  readOnly: boolean,
  fn: (s: Session) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  const session = new Session(client, claims, readOnly);
  try {
    const result = await fn(session);
    await session.end();
    return result;
  } catch (error) {
    await session.abort();
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
    return inTenant(claims, true, async (c) => {
      const params: (string | number)[] = [claims.tid];
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
        `party_list${req.query.q ? '_q' : ''}${req.query.cursor ? '_after' : ''}`,
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
  const row = await inTenant(claims, true, async (c) => {
    const { rows } = await c.query(
      'party_by_id',
      `select ${COLUMNS} from crm.parties where tenant_id = $1 and id = $2`,
      [claims.tid, req.params.id],
    );
    return rows[0];
  });
  if (!row) return reply.code(404).send({ code: 'not_found' });
  void reply.header('etag', `"${String(row.version)}"`);
  return toCamel(row);
});

const lit = (v: string | null): string => (v === null ? 'null' : pg.escapeLiteral(v));

/** The event and the audit row, both sent with COMMIT, as NEXO writes them. */
function audit(c: Session, claims: Claims, action: string, id: string, after: unknown): void {
  // Published at once: the limit has no relay, and NEXO's, running beside it in the bench,
  // must not deliver its events on its time (it saves the two partial-index entries of
  // unpublished rows, a little less work than NEXO's insert).
  const type = `crm.party.${action === 'create' ? 'created' : 'updated'}`;
  const payload = JSON.stringify({ name: 'x', kind: 'organization', fields: ['name'] });
  c.atCommit.push(
    `insert into events.outbox (tenant_id, id, type, version, aggregate_type, aggregate_id, payload, published_at)
     values (${lit(claims.tid)}, ${lit(randomUUID())}, ${lit(type)}, 1, 'crm.party', ${lit(id)}, ${lit(payload)}, now())`,
    `insert into audit.audit_log (tenant_id, id, principal_id, user_id, actor, action, resource, resource_id, after)
     values (${[claims.tid, randomUUID(), null, claims.sub, claims.act, action, 'crm.party', id, JSON.stringify(after)].map(lit).join(', ')})`,
  );
}

app.post<{ Body: { kind: string; name: string } }>('/parties', async (req, reply) => {
  const claims = await verify(req.headers.authorization);
  const row = await inTenant(claims, false, async (c) => {
    // NEXO's duplicate probe runs on every create, in NEXO's shape (DuplicateFinder): the
    // candidates of the name branch in a subquery, the rest checked on those only.
    await c.query(
      'party_duplicates',
      `select id, name, tax_id, email, similarity(name, $2) from crm.parties
        where tenant_id = $1
          and id in (select id from crm.parties where tenant_id = $1 and name % $2 and similarity(name, $2) >= $3)
          and status <> 'merged'
        order by similarity(name, $2) desc limit 10`,
      [claims.tid, req.body.name, 0.45],
    );
    const { rows } = await c.query(
      'party_insert',
      `insert into crm.parties (tenant_id, id, kind, name, owner_id) values ($1, $2, $3, $4, $5) returning ${COLUMNS}`,
      [claims.tid, randomUUID(), req.body.kind, req.body.name, claims.sub],
    );
    const created = rows[0] as Record<string, unknown>;
    audit(c, claims, 'create', String(created.id), created);
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
    const row = await inTenant(claims, false, async (c) => {
      const before = await c.query(
        'party_by_id',
        `select ${COLUMNS} from crm.parties where tenant_id = $1 and id = $2`,
        [claims.tid, req.params.id],
      );
      if (!before.rows[0]) return undefined;
      const { rows } = await c.query(
        'party_update_name',
        `update crm.parties set name = $3, updated_at = now(), version = version + 1
       where tenant_id = $1 and id = $2 and version = $4 returning ${COLUMNS}`,
        [claims.tid, req.params.id, req.body.name, version],
      );
      if (rows[0]) audit(c, claims, 'update', req.params.id, rows[0]);
      return rows[0] ?? null;
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
