import { adminClient, useTestDatabase } from '@nexo/testing';
import fc from 'fast-check';
import { randomInt } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../helpers/accounts.js';
import { startTestIdp, type TestIdp } from '../helpers/oidc-idp.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { FORGERIES, type FuzzCase, type Principal, caseArb, type CaseContext } from './cases.js';
import { type Operation, apiOperations, isDestructive } from './operations.js';
import { type IdPools, buildIdPools } from './pools.js';
import { resolver } from './schema-arbitraries.js';
import { type SeededCompany, seedCompany } from './seed.js';
import { inventoryOfTenants, crossCompanyReferences } from './cross-refs.js';
import {
  type Outcome,
  describeRequest,
  encodePart,
  checkOutcome,
  contractRefuses,
} from './checks.js';

/**
 * Every operation of the API, attacked with requests generated from its contract: two
 * companies, hostile values in every parameter and field, the other company's ids in every
 * id. No request may answer 5xx, take over 10 s, answer an error that is not a problem with
 * a code, or succeed with input its contract refuses; afterwards no row of one company may
 * point at the other's records or at a user who is not its member. See README.md.
 */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : randomInt(2 ** 31 - 1);
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 80);
const ONLY = process.env.FUZZ_OPS?.split(',').filter(Boolean);
const ANSWER_WITHIN_MS = 10_000;
const REDIRECT_URI = 'http://nexo.test/auth/oidc/callback';
/** A file to append each operation's timing to while the run goes (for debugging the suite). */
const PROGRESS = process.env.FUZZ_PROGRESS;

/** FNV-1a: one seed per operation, so adding a route does not change the others' cases. */
const seedFor = (operationId: string): number => {
  let h = 0x811c9dc5 ^ SEED;
  for (const ch of operationId) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
};

describe('API fuzz: every operation, hostile input, two companies', () => {
  const db = useTestDatabase();
  let t: TestApp;
  /** A real OpenID provider, so sign-in routes meet one that answers. */
  let idp: TestIdp | undefined;
  const companies = {} as Record<'A' | 'B', SeededCompany>;
  let pools: IdPools;
  let operations: Operation[];
  /** Every operation, also when FUZZ_OPS narrows the run (ids and If-Match come from them). */
  let allOperations: Operation[];
  let resolve: ReturnType<typeof resolver>;
  const cursors = new Map<string, string>();
  /** For each admin, what names only the other company's records (path ids must 404). */
  let foreignNames: Record<'A' | 'B', Set<string>>;
  const failures = new Map<string, { count: number; sample: string }>();
  /** Successful answers by operation: a case generator that never gets past validation shows here. */
  const reached = new Map<string, number>();
  const timeouts = new Map<string, number>();
  const stats = { requests: 0, relogins: 0, byStatus: new Map<string, number>(), ms: 0 };

  beforeAll(async () => {
    console.log(`API fuzz: FUZZ_SEED=${SEED} (FUZZ_RUNS=${RUNS_PER_OPERATION} per operation)`);
    t = await buildTestApp(db.current, [], {
      LOG_LEVEL: 'warn',
      NEXO_OIDC_ALLOW_PRIVATE_ISSUERS: 'true',
    });
    idp = await startTestIdp(REDIRECT_URI);
    companies.A = await seedCompany(t.app, db.current, 'A', idp);
    companies.B = await seedCompany(t.app, db.current, 'B', idp);
    const client = await adminClient(db.current);
    try {
      pools = await buildIdPools(client, companies, [idp.issuer, REDIRECT_URI]);
    } finally {
      await client.end();
    }
    const api = apiOperations();
    resolve = resolver(api.components);
    allOperations = api.operations;
    operations = api.operations.filter((op) => !ONLY || ONLY.includes(op.id));
    // What each list shows, as values for the routes under it (`/custom-fields/:id`,
    // `/api-clients/:clientId`): the API names its records better than table names do.
    for (const op of allOperations) {
      if (op.method !== 'GET' || op.params.length) continue;
      const names = new Set(
        allOperations.flatMap((o) => {
          const m = o.path.startsWith(`${op.path}/:`)
            ? /^\/:(\w+)/.exec(o.path.slice(op.path.length))
            : null;
          return m?.[1] ? [m[1]] : [];
        }),
      );
      if (!names.size) continue;
      for (const label of ['A', 'B'] as const) {
        const res = await t.app.inject({
          method: 'GET',
          url: op.list ? `${op.path}?limit=200` : op.path,
          headers: { authorization: `Bearer ${companies[label].tokens.accessToken}` },
        });
        if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('json'))
          continue;
        const body = res.json<{ items?: Record<string, unknown>[] } | Record<string, unknown>[]>();
        const items = Array.isArray(body) ? body : (body.items ?? []);
        for (const name of names) {
          const values = items
            .map((i) => i[name])
            .filter((v): v is string => typeof v === 'string');
          pools.addListed(`${name}@${op.path}`, label, values);
        }
      }
    }
    if (PROGRESS) appendFileSync(PROGRESS, `ids of A/B by table: ${pools.summary()}\n`);
    foreignNames = { A: pools.foreignNames('A'), B: pools.foreignNames('B') };
    // A real cursor of each list, to be mutated: B's first page of one.
    for (const op of operations) {
      if (!op.list || op.params.length) continue;
      const res = await t.app.inject({
        method: 'GET',
        url: `${op.path}?limit=1`,
        headers: { authorization: `Bearer ${companies.B.tokens.accessToken}` },
      });
      // CSV exports take the list's query too; only JSON pages carry a cursor.
      if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('json')) continue;
      const next = res.json<{ nextCursor?: string | null }>().nextCursor;
      if (next) cursors.set(op.id, next);
    }
  }, 120_000);
  afterAll(async () => {
    await t?.app.close();
    await idp?.close();
  });

  const contextFor = (op: Operation, principal: Principal): CaseContext => {
    // Nobody's and forged requests carry B's view: they must not get that far anyway.
    const self = principal === 'A' ? 'A' : 'B';
    const other = self === 'A' ? 'B' : 'A';
    return {
      resolve,
      ids: pools.idSource(self, companies[self].admin.membershipId),
      paramValues: (field) => pools.paramValues(field, self),
      ...(cursors.has(op.id) ? { cursor: cursors.get(op.id) } : {}),
      foreignId: companies[other].admin.tenantId,
      hasGet: allOperations.some((o) => o.method === 'GET' && o.path === op.path),
    };
  };

  const casesFor = (op: Operation): FuzzCase[] => {
    const weights: [Principal, number][] = op.isPublic
      ? [
          ['anonymous', 7],
          ['B', 3],
        ]
      : [
          ['B', 40],
          ['A', 4],
          ['anonymous', 3],
          ['forged', 3],
        ];
    // One arbitrary per principal, built once: chain() would rebuild it for every case.
    const arb = fc.oneof(
      ...weights.map(([p, weight]) => ({ weight, arbitrary: caseArb(op, p, contextFor(op, p)) })),
    );
    return fc.sample(arb, { seed: seedFor(op.id), numRuns: RUNS_PER_OPERATION });
  };

  const tokenOf = (c: FuzzCase): string | undefined => {
    if (c.principal === 'A' || c.principal === 'B')
      return `Bearer ${companies[c.principal].tokens.accessToken}`;
    if (c.principal === 'anonymous') return undefined;
    const real = companies.B.tokens.accessToken;
    const [, payload = ''] = real.split('.');
    const forged: string[] = [
      'Bearer garbage',
      `Bearer ${real.slice(0, -2)}xx`,
      'Basic dXNlcjpwYXNz',
      `Bearer ${'a'.repeat(5000)}`,
      `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`,
      `Bearer ${real} ${real}`,
    ];
    return forged[(c.forgery ?? 0) % FORGERIES];
  };

  /** One request through Fastify's inject, raced against the 10 s limit. */
  const send = async (
    method: string,
    url: string,
    headers: Record<string, string>,
    payload: string | Buffer | undefined,
    ip: string,
  ): Promise<Outcome> => {
    stats.requests++;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolveTimeout) => {
      timer = setTimeout(() => resolveTimeout('timeout'), ANSWER_WITHIN_MS);
    });
    try {
      const res = await Promise.race([
        t.app.inject({
          method: method as 'GET',
          url,
          headers,
          remoteAddress: ip,
          ...(payload === undefined ? {} : { payload }),
        }),
        timeout,
      ]);
      if (res === 'timeout') return { kind: 'timeout', ms: performance.now() - started };
      return {
        kind: 'answer',
        status: res.statusCode,
        headers: res.headers as Record<string, string | undefined>,
        body: res.body,
        ms: performance.now() - started,
      };
    } catch (error) {
      return { kind: 'error', message: (error as Error).message, ms: performance.now() - started };
    } finally {
      clearTimeout(timer);
    }
  };

  const record = (key: string, sample: () => string): void => {
    const seen = failures.get(key);
    if (seen) seen.count++;
    else failures.set(key, { count: 1, sample: sample() });
  };

  /** The server's own log line of an error answer: what broke, for the report. */
  const loggedError = (outcome: Outcome): string => {
    if (outcome.kind !== 'answer') return '';
    let errorId = '';
    try {
      errorId = String((JSON.parse(outcome.body) as { errorId?: string }).errorId ?? '');
    } catch {
      return '';
    }
    const line = t.logs.find((l) => l.errorId === errorId);
    type Logged = { message?: string; type?: string; cause?: Logged; stack?: string };
    const err = line?.err as Logged | undefined;
    if (!err) return '';
    // A failed query says its SQL first; what PostgreSQL said is the cause pino appends.
    const said = err.cause?.message ?? /caused by: [^:\n]+: ([^\n]+)/.exec(err.stack ?? '')?.[1];
    const first = String(err.message ?? '').split('\n')[0] ?? '';
    const cut = first.startsWith('Failed query')
      ? `Failed query (${/^Failed query: (\w+)/.exec(first)?.[1] ?? ''} …)`
      : first;
    return `${err.type ?? 'Error'}: ${cut}${said ? ` — ${said}` : ''}`;
  };

  /**
   * A case, then (for valid bodies the service refused field by field: a unit with no
   * conversion, an owner who is no member) the same body without the fields its 400 or 422
   * named,
   * at most twice: so more requests get past the service's checks to the database.
   */
  const runCase = async (op: Operation, c: FuzzCase, index: number): Promise<void> => {
    let current = c;
    for (let attempt = 0; attempt < 3; attempt++) {
      const outcome = await runOnce(op, current, index);
      const body = current.body;
      if (
        outcome.kind !== 'answer' ||
        (outcome.status !== 400 && outcome.status !== 422) ||
        body?.kind !== 'json' ||
        !(current.strategy.startsWith('valid') || current.strategy.startsWith('foreign-ids'))
      )
        return;
      let issues: { path?: unknown }[] = [];
      try {
        issues = (JSON.parse(outcome.body) as { issues?: { path?: unknown }[] }).issues ?? [];
      } catch {
        return;
      }
      const paths = issues
        .map((i) => (typeof i.path === 'string' && i.path ? i.path : ''))
        .filter((p) => p && !p.startsWith('body'));
      if (!paths.length) return;
      let value = body.value;
      for (const p of paths) value = withoutPath(value, p.split('.'));
      if (JSON.stringify(value) === JSON.stringify(body.value)) return;
      current = {
        ...current,
        strategy: `${current.strategy.replace(/ \(retry.*$/, '')} (retry without ${paths.join(', ')})`,
        body: { kind: 'json', value },
      };
    }
  };

  const runOnce = async (op: Operation, c: FuzzCase, index: number): Promise<Outcome> => {
    const auth = tokenOf(c);
    const path = op.path.replace(/:(\w+)/g, (_, name: string) => encodePart(c.params[name] ?? ''));
    const query = c.query.map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`).join('&');
    const url = query ? `${path}?${query}` : path;
    const headers: Record<string, string> = {
      ...(auth ? { authorization: auth } : {}),
      ...c.headers,
    };
    if (c.ifMatch === 'fetch') {
      const getHeaders: Record<string, string> = auth ? { authorization: auth } : {};
      const got = await send('GET', path, getHeaders, undefined, c.ip);
      check(
        op,
        { ...c, strategy: `${c.strategy} (If-Match fetch)`, query: [], body: undefined },
        'GET',
        path,
        getHeaders,
        undefined,
        got,
        index,
        false,
      );
      headers['if-match'] =
        got.kind === 'answer' && got.headers.etag ? String(got.headers.etag) : '"1"';
    } else if (c.ifMatch) headers['if-match'] = c.ifMatch;
    let payload: string | Buffer | undefined;
    const body = c.body;
    if (body?.kind === 'json') {
      payload = body.value === undefined ? undefined : JSON.stringify(body.value);
      if (payload !== undefined) headers['content-type'] = 'application/json';
    } else if (body?.kind === 'raw') {
      payload = body.text;
      if (body.contentType) headers['content-type'] = body.contentType;
    } else if (body?.kind === 'form') {
      payload =
        body.value && typeof body.value === 'object'
          ? Object.entries(body.value as Record<string, unknown>)
              .map(
                ([k, v]) =>
                  `${encodePart(k)}=${encodePart(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`,
              )
              .join('&')
          : String(body.value);
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (body?.kind === 'binary') {
      payload = body.data;
      headers['content-type'] = body.contentType;
    }
    const outcome = await send(op.method, url, headers, payload, c.ip);
    if (PROGRESS)
      appendFileSync(
        PROGRESS,
        `  #${index} ${c.strategy} ${c.principal} ${op.method} ${url.slice(0, 200)} ${typeof payload === 'string' ? payload.slice(0, 300) : ''}\n` +
          `    → ${outcome.kind === 'answer' ? `${outcome.status} ${outcome.body.slice(0, 300)}` : outcome.kind}\n`,
      );
    check(op, c, op.method, url, headers, payload, outcome, index, true);
    // A request that ended the caller's session (sign-out, revoked session): sign in again.
    if (
      (c.principal === 'A' || c.principal === 'B') &&
      outcome.kind === 'answer' &&
      outcome.status === 401
    ) {
      await ensureSignedIn(c.principal);
    }
    t.logs.length = 0;
    return outcome;
  };

  const check = (
    op: Operation,
    c: FuzzCase,
    method: string,
    url: string,
    headers: Record<string, string>,
    payload: string | Buffer | undefined,
    outcome: Outcome,
    index: number,
    withOracle: boolean,
  ): void => {
    stats.ms += outcome.ms;
    const bucket =
      outcome.kind === 'answer' ? `${String(outcome.status).slice(0, 1)}xx` : outcome.kind;
    stats.byStatus.set(bucket, (stats.byStatus.get(bucket) ?? 0) + 1);
    if (outcome.kind === 'timeout') timeouts.set(op.id, (timeouts.get(op.id) ?? 0) + 1);
    if (withOracle && bucket === '2xx') reached.set(op.id, (reached.get(op.id) ?? 0) + 1);
    const refused =
      withOracle && c.principal !== 'forged' && (c.principal !== 'anonymous' || op.isPublic)
        ? contractRefuses(op, c)
        : false;
    const problems = checkOutcome(outcome, refused);
    // Another company's record in the path: nothing of it may be read, changed or listed.
    if (
      withOracle &&
      (c.principal === 'A' || c.principal === 'B') &&
      outcome.kind === 'answer' &&
      outcome.status < 400
    ) {
      const theirs = Object.entries(c.params).filter(([, v]) =>
        foreignNames[c.principal as 'A' | 'B'].has(v),
      );
      if (theirs.length)
        problems.push(
          `${outcome.status} for the other company's ${theirs.map(([k]) => k).join(', ')} in the path`,
        );
    }
    for (const problem of problems) {
      const detail = problem.startsWith('5') ? loggedError(outcome) : '';
      const key = `${problem}${detail ? ` — ${normalise(detail)}` : ''} | ${method} ${op.path}`;
      record(key, () =>
        describeRequest({
          seed: SEED,
          op,
          index,
          c,
          method,
          url,
          headers,
          payload,
          outcome,
          detail,
        }),
      );
    }
  };

  const ensureSignedIn = async (who: 'A' | 'B'): Promise<void> => {
    const company = companies[who];
    const probe = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { authorization: `Bearer ${company.tokens.accessToken}` },
    });
    if (probe.statusCode === 200) return;
    // A fuzzed settings change may have required MFA of employees: sign-in would then stop
    // at enrolment. The run needs its admin back, not that setting.
    const client = await adminClient(db.current);
    try {
      await client.query('update tenancy.tenants set require_mfa_employees = false where id = $1', [
        company.admin.tenantId,
      ]);
    } finally {
      await client.end();
    }
    company.tokens = await login(t.app, company.admin, company.admin.tenantId);
    stats.relogins++;
  };

  it('answers every generated request within 10 s, never 5xx, errors as problems with a code', async () => {
    const started = performance.now();
    // Destructive operations (deletes, sign-out, disabling) last: what they remove was
    // attacked first, and the session they end is the last one needed.
    const ordered = [
      ...operations.filter((op) => !isDestructive(op)),
      ...operations.filter(isDestructive),
    ];
    let generationMs = 0;
    for (const op of ordered) {
      const g = performance.now();
      const cases = casesFor(op);
      generationMs += performance.now() - g;
      const opStarted = performance.now();
      for (const [index, c] of cases.entries()) {
        // A route that hangs would cost 10 s a case: three say it, the rest are not sent.
        if ((timeouts.get(op.id) ?? 0) >= 3) {
          record(
            `cases not sent after 3 answers over 10 s | ${op.method} ${op.path}`,
            () => `  ${cases.length - index} of ${cases.length} cases of ${op.id} left out`,
          );
          break;
        }
        await runCase(op, c, index);
      }
      if (PROGRESS)
        appendFileSync(
          PROGRESS,
          `${op.id} ${cases.length} cases ${(performance.now() - opStarted).toFixed(0)} ms, 2xx ${reached.get(op.id) ?? 0}\n`,
        );
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      [
        `API fuzz: ${stats.requests} requests to ${ordered.length} operations in ${seconds.toFixed(1)} s` +
          ` (generation ${(generationMs / 1000).toFixed(1)} s, re-sign-ins ${stats.relogins}), FUZZ_SEED=${SEED}`,
        `answers: ${[...stats.byStatus].map(([k, v]) => `${k} ${v}`).join(', ')}`,
        `operations with no 2xx answer: ${
          ordered
            .filter((op) => !reached.has(op.id))
            .map((op) => op.id)
            .join(', ') || 'none'
        }`,
      ].join('\n'),
    );
    const report = [...failures]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, { count, sample }]) => `${key} (${count}×)\n${sample}`);
    expect(
      report,
      `${failures.size} failure classes; reproduce with FUZZ_SEED=${SEED} (and FUZZ_OPS=<operationId>)`,
    ).toEqual([]);
    // The run's size, as CI runs it (FUZZ_RUNS and FUZZ_OPS narrow it for a reproduction).
    if (!ONLY && !process.env.FUZZ_RUNS) expect(stats.requests).toBeGreaterThanOrEqual(10_000);
  }, 600_000);

  it('leaves no row of one company pointing at the other’s records or non-members', async () => {
    const client = await adminClient(db.current);
    try {
      const inventory = await inventoryOfTenants(client, [
        companies.A.admin.tenantId,
        companies.B.admin.tenantId,
      ]);
      const found = crossCompanyReferences(inventory);
      expect(found, `cross-company references (FUZZ_SEED=${SEED})`).toEqual([]);
    } finally {
      await client.end();
    }
  }, 120_000);

  it('names a planted reference to the other company (the check above can fail)', async () => {
    const client = await adminClient(db.current);
    try {
      await client.query('begin');
      // Keys off for this transaction only, so the planted rows get past the foreign keys.
      await client.query('set local session_replication_role = replica');
      await client.query('update crm.parties set owner_id = $1 where tenant_id = $2', [
        companies.A.admin.userId,
        companies.B.admin.tenantId,
      ]);
      await client.query('update crm.opportunities set party_id = $1 where tenant_id = $2', [
        (
          await client.query<{ id: string }>(
            'select id from crm.parties where tenant_id = $1 limit 1',
            [companies.A.admin.tenantId],
          )
        ).rows[0]?.id,
        companies.B.admin.tenantId,
      ]);
      const inventory = await inventoryOfTenants(client, [
        companies.A.admin.tenantId,
        companies.B.admin.tenantId,
      ]);
      const found = crossCompanyReferences(inventory).join('\n');
      expect(found).toContain('crm.parties.owner_id: user who is not a member');
      expect(found).toContain('crm.opportunities.party_id: id of the other company');
    } finally {
      await client.query('rollback');
      await client.end();
    }
  });
});

/** Ids and numbers out of an error message, so one bug is one class. */
const normalise = (message: string): string =>
  message
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/\d+/g, 'N')
    .slice(0, 160);

/** A JSON value without the field at a dotted path (`stages.0.name`). */
function withoutPath(value: unknown, path: string[]): unknown {
  if (!value || typeof value !== 'object' || path.length === 0) return value;
  const [head = '', ...rest] = path;
  if (Array.isArray(value)) {
    const list = [...(value as unknown[])];
    const at = Number(head);
    if (!Number.isInteger(at)) return value;
    if (rest.length === 0) list.splice(at, 1);
    else list[at] = withoutPath(list[at], rest);
    return list;
  }
  const object = { ...(value as Record<string, unknown>) };
  if (!(head in object)) return value;
  if (rest.length === 0) delete object[head];
  else object[head] = withoutPath(object[head], rest);
  return object;
}
