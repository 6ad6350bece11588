/**
 * Keyset pagination: page 1 against a page 10,000 rows deep, on the same list route
 * (`GET /api/v1/audit/log`, 50 rows a page), same server, same run.
 *
 *   npm run bench:keyset
 *
 * Issue 5's target: the deep page costs no more than twice page 1.
 * Results: bench/results/keyset.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { load, type LoadResult } from '../lib/load.ts';
import { startNexo } from '../lib/nexo-server.ts';

const ROWS = 50_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const DEMO_TENANT = '01936b2c-5a00-7000-8000-00000000de30';

const server = await startNexo();
try {
  // Seed the demo company's audit log directly, as the superuser of the embedded server.
  const dataDir = server.dataDir;
  const port = Number(
    readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3],
  );
  const password = readFileSync(path.join(dataDir, 'pg-superuser.secret'), 'utf8').trim();
  const admin = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password,
    database: 'nexo',
  });
  await admin.connect();
  await admin.query(
    `insert into audit.audit_log (tenant_id, id, occurred_at, action, resource, resource_id)
     select $1::uuid, gen_random_uuid(), now() - (g || ' milliseconds')::interval, 'update', 'permissions.role', 'r-' || g
       from generate_series(1, $2::int) g`,
    [DEMO_TENANT, ROWS],
  );
  await admin.query('analyze audit.audit_log');
  await admin.end();

  const signIn = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.nexo.test', password: 'nexo-demo-admin' }),
  });
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };

  // Walk to depth 10,000 with the API's own cursors.
  let cursor = '';
  for (let seen = 0; seen < 10_000; seen += 200) {
    const res = await fetch(
      `${server.baseUrl}/api/v1/audit/log?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      { headers },
    );
    cursor = ((await res.json()) as { nextCursor: string }).nextCursor;
  }

  const results: LoadResult[] = [];
  const base = `${server.baseUrl}/api/v1/audit/log?limit=50`;
  for (let run = 0; run < 3; run++) {
    results.push(
      await load({
        name: `page 1 (run ${run + 1})`,
        url: base,
        headers,
        connections: 10,
        seconds: SECONDS,
      }),
    );
    results.push(
      await load({
        name: `page at depth 10,000 (run ${run + 1})`,
        url: `${base}&cursor=${cursor}`,
        headers,
        connections: 10,
        seconds: SECONDS,
      }),
    );
  }
  const median = (name: string, key: 'requestsPerSecond' | 'p50' | 'p99'): number => {
    const values = results
      .filter((r) => r.name.startsWith(name))
      .map((r) => r[key])
      .sort((a, b) => a - b);
    return values[1] ?? 0;
  };
  const summary = {
    page1: {
      requestsPerSecond: median('page 1', 'requestsPerSecond'),
      p50: median('page 1', 'p50'),
      p99: median('page 1', 'p99'),
    },
    deep: {
      requestsPerSecond: median('page at depth', 'requestsPerSecond'),
      p50: median('page at depth', 'p50'),
      p99: median('page at depth', 'p99'),
    },
  };
  const ratio = Number(
    (summary.page1.requestsPerSecond / Math.max(1, summary.deep.requestsPerSecond)).toFixed(2),
  );
  const report = {
    when: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    rows: ROWS,
    summary,
    costRatioDeepOverFirst: ratio,
    results,
  };
  const dir = path.resolve(import.meta.dirname, '../results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'keyset.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.table(
    results.map((r) => ({
      scenario: r.name,
      'req/s': r.requestsPerSecond,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      '2xx': r.status2xx,
      other: r.statusOther,
    })),
  );
  console.log(
    `median req/s: page 1 ${summary.page1.requestsPerSecond}, deep ${summary.deep.requestsPerSecond}; cost ratio deep/first ${ratio}`,
  );
} finally {
  await server.stop();
}
