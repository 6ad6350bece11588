/**
 * NEXO against the limit (Fastify + pg) and a peer (PostGraphile 5), on the same database,
 * data and machine, one after the other, in one run.
 *
 *   npm run bench              200 tenants × 5,000 parties (seeded once into .nexo-bench/)
 *   npm run bench -- --quick   20 tenants × 1,000 parties, shorter runs
 *   BENCH_ONLY=nexo,limit BENCH_SCENARIOS=get-by-id,list   a partial run: prints, writes nothing
 *
 * BENCH_DATABASE_URL (a superuser URL) uses that server instead of the embedded one.
 * Writes bench/results/compare.json and docs/benchmarks.md.
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { FULL, QUICK, ROOT, ensureUsers, openDatabase } from './database.ts';
import {
  NEXO_READY,
  NODE_FLAGS,
  cpuMs,
  databaseCpuMs,
  nexoBenchEnv,
  rssMb,
  spawnUntilReady,
  type Running,
} from './processes.ts';
import { restDeepCursor, signInTenants } from './sign-in.ts';
import { writeReport, type Measurement, type Report } from './report.ts';
import {
  SCENARIOS,
  buildRequest,
  resetRun,
  returnEntry,
  type ContenderName,
  type ScenarioName,
  type TenantFixture,
} from './scenarios.ts';

const quick = process.argv.includes('--quick');
const set = quick ? QUICK : FULL;
const SECONDS = Number(process.env.BENCH_SECONDS ?? (quick ? 2 : 5));
const RUNS = 3;
const CONNECTIONS = [10, 50];
const log = (line: string): void => console.log(`[bench] ${line}`);

let debugged = false;
async function measure(
  url: string,
  contender: ContenderName,
  scenario: ScenarioName,
  tenants: TenantFixture[],
  connections: number,
  seconds: number,
): Promise<autocannon.Result> {
  resetRun(tenants);
  return autocannon({
    url,
    connections,
    duration: seconds,
    initialContext: {},
    requests: [
      {
        setupRequest: (_req, context) => buildRequest(contender, scenario, tenants, context),
        onResponse: (status, body, context) => {
          returnEntry(context, status, body);
          if (process.env.BENCH_DEBUG && status >= 300 && !debugged) {
            debugged = true;
            log(`  first non-2xx: ${status} ${body.slice(0, 300)} ${JSON.stringify(context)}`);
          }
        },
      },
    ],
  });
}

const db = await openDatabase(set, log);
const nexoEnv = nexoBenchEnv(db);
ensureUsers(db, nexoEnv);
const admin = new pg.Client({ connectionString: db.adminUrl });
await admin.connect();

const measurements: Measurement[] = [];
const memory: Report['memory'] = [];
const fixtures: Record<ContenderName, TenantFixture[]> = { nexo: [], limit: [], postgraphile: [] };
let jwks = '';
let pendingTokens: TenantFixture[] = [];
let issuer = '';

async function startContender(name: ContenderName): Promise<Running> {
  if (name === 'nexo') {
    return spawnUntilReady(
      [...NODE_FLAGS, path.join(ROOT, 'apps/api/dist/cli/nexo.js'), 'start'],
      nexoEnv,
      NEXO_READY,
    );
  }
  const file = name === 'limit' ? 'limit-server.ts' : 'postgraphile-server.ts';
  return spawnUntilReady(
    [path.join(ROOT, 'bench/compare/contenders', file)],
    {
      BENCH_APP_URL: db.appUrl,
      BENCH_JWKS: jwks,
      BENCH_ISSUER: issuer,
      PORT: '0',
      NODE_ENV: 'production',
    },
    /READY (http:\/\/\S+)/,
  );
}

/** Fresh tokens from NEXO's own sign-in (they live 15 minutes), its JWKS, and the ids to use. */
async function signIn(server: Running): Promise<TenantFixture[]> {
  const out = await signInTenants(server.baseUrl, db.loadTenants, admin);
  jwks = JSON.stringify(await (await fetch(`${server.baseUrl}/.well-known/jwks.json`)).json());
  const claims = JSON.parse(
    Buffer.from(out[0]?.token.split('.')[1] ?? '', 'base64url').toString(),
  ) as { iss: string };
  issuer = claims.iss;
  return out;
}

/** A cursor ~80 % deep into each tenant's list, found with the contender's own paging. */
async function prepare(name: ContenderName, server: Running): Promise<void> {
  if (name === 'nexo') {
    fixtures.nexo = await signIn(server);
  } else {
    fixtures[name] = pendingTokens;
  }
  const depth = Math.floor(set.partiesPerTenant * 0.8);
  for (const f of fixtures[name]) {
    if (name !== 'postgraphile') {
      const listPath = name === 'nexo' ? '/api/v1/crm/parties' : '/parties';
      f.deepCursor = await restDeepCursor(server.baseUrl, listPath, f.token, depth);
      continue;
    }
    let cursor: string | null = null;
    for (let seen = 0; seen < depth; seen += 100) {
      const res = await fetch(`${server.baseUrl}/graphql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${f.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            'query($after: Cursor) { allParties(first: 100, orderBy: [NAME_ASC, PRIMARY_KEY_ASC], after: $after) { pageInfo { endCursor } } }',
          variables: { after: cursor },
        }),
      });
      const body = (await res.json()) as {
        data?: { allParties: { pageInfo: { endCursor: string } } };
        errors?: unknown;
      };
      if (!body.data) throw new Error(`PostGraphile paging failed: ${JSON.stringify(body.errors)}`);
      cursor = body.data.allParties.pageInfo.endCursor;
    }
    f.deepCursor = cursor ?? '';
  }
}

/** One request of the scenario first: a contender that answers it wrongly stops the run. */
async function probe(baseUrl: string, name: ContenderName, scenario: ScenarioName): Promise<void> {
  if (scenario === 'update') await resetVersions(name);
  resetRun(fixtures[name]);
  // Twelve in a row on one connection's context: updates come back to a record they changed.
  const context = {};
  for (let i = 0; i < 12; i++) {
    const spec = buildRequest(name, scenario, fixtures[name], context);
    const res = await fetch(`${baseUrl}${spec.path}`, {
      method: spec.method,
      headers: spec.headers,
      ...(spec.body ? { body: spec.body } : {}),
    });
    const body = await res.text();
    if (!res.ok || body.includes('"errors"'))
      throw new Error(
        `${name} ${scenario} #${i + 1}: ${res.status} ${spec.method} ${spec.path} ${body.slice(0, 500)}`,
      );
    returnEntry(context, res.status, body);
  }
}

/**
 * Updates start from version 1 on every run (each run's connections start without versions).
 * First a pause: requests still in flight when the last run's clock stopped would otherwise
 * bump a version after the reset, and the next run would meet 412s it did not cause.
 */
async function resetVersions(name: ContenderName): Promise<void> {
  await new Promise((r) => setTimeout(r, 1000));
  const ids = fixtures[name].flatMap((f) => f.ids);
  await admin.query('update crm.parties set version = 1 where id = any($1::uuid[])', [ids]);
}

const only = process.env.BENCH_ONLY?.split(',') as ContenderName[] | undefined;
// A partial run (some contenders or scenarios) is for trying a change: it prints, and
// leaves the committed report alone.
const scenarios = (process.env.BENCH_SCENARIOS?.split(',') as ScenarioName[] | undefined) ?? [
  ...SCENARIOS,
];
const partial = Boolean(only ?? process.env.BENCH_SCENARIOS);
for (const name of only ?? (['nexo', 'limit', 'postgraphile'] as ContenderName[])) {
  log(`${name}: starting`);
  if (name !== 'nexo') {
    // Their JWKS and tokens come from NEXO: a short start of it, before this contender's.
    const nexo = await startContender('nexo');
    pendingTokens = await signIn(nexo);
    await nexo.stop();
  }
  const server = await startContender(name);
  await prepare(name, server);
  await new Promise((r) => setTimeout(r, 1500));
  const idle = rssMb(server.child.pid);
  let peak = idle;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(server.child.pid));
  }, 200);
  for (const scenario of scenarios) {
    await probe(server.baseUrl, name, scenario);
    for (const connections of CONNECTIONS) {
      if (scenario === 'update') await resetVersions(name);
      // A warm-up as long as a run: one second left the first scenario after a start (the
      // list) measured while the JIT was still compiling NEXO's larger request path.
      await measure(server.baseUrl, name, scenario, fixtures[name], connections, SECONDS);
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        if (scenario === 'update') await resetVersions(name);
        const cpuBefore = [cpuMs(server.child.pid), databaseCpuMs()] as const;
        const r = await measure(
          server.baseUrl,
          name,
          scenario,
          fixtures[name],
          connections,
          SECONDS,
        );
        if (r.non2xx)
          log(
            `  non-2xx: ${JSON.stringify((r as unknown as { statusCodeStats: unknown }).statusCodeStats)}`,
          );
        const done = Math.max(1, r.requests.total);
        runs.push({
          requestsPerSecond: Math.round(r.requests.average),
          // CPU per request, µs: where a request's cost lies (the contender or the database).
          serverCpuUs: Math.round(((cpuMs(server.child.pid) - cpuBefore[0]) * 1000) / done),
          databaseCpuUs: Math.round(((databaseCpuMs() - cpuBefore[1]) * 1000) / done),
          p50: r.latency.p50,
          p99: r.latency.p99,
          non2xx: r.non2xx + r.errors,
        });
      }
      runs.sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
      const median = runs[1] as (typeof runs)[number];
      measurements.push({
        contender: name,
        scenario,
        connections,
        ...median,
        runs: runs.map((r) => r.requestsPerSecond),
      });
      log(
        `${name} ${scenario} c=${connections}: ${median.requestsPerSecond} req/s p50 ${median.p50} ms p99 ${median.p99} ms${median.non2xx ? ` (${median.non2xx} non-2xx)` : ''}, CPU/request ${median.serverCpuUs} µs + database ${median.databaseCpuUs} µs, RSS now ${rssMb(server.child.pid)} MB`,
      );
    }
  }
  clearInterval(sampler);
  memory.push({ contender: name, idleMb: idle, peakMb: peak });
  log(`${name} RSS: ${idle} MB idle, ${peak} MB peak`);
  await server.stop();
}
await admin.end();
if (partial) {
  await db.stop();
  process.exit(0);
}

// Time to ready: a fresh data folder (initdb, migrations, demo seed), then the same folder again.
const startup: Report['startup'] = [];
const fresh = mkdtempSync(path.join(os.tmpdir(), 'nexo-startup-'));
try {
  for (const kind of ['fresh', 'warm'] as const) {
    const run = await spawnUntilReady(
      [...NODE_FLAGS, path.join(ROOT, 'apps/api/dist/cli/nexo.js'), 'start'],
      { NEXO_DATA_DIR: fresh, PORT: '0', LOG_LEVEL: 'warn', NEXO_PORTAL: 'false' },
      NEXO_READY,
    );
    startup.push({ kind, ms: run.ms });
    log(`start to ready (${kind} data folder): ${run.ms} ms`);
    await run.stop();
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
await db.stop();

const report: Report = {
  date: new Date().toISOString(),
  quick,
  dataSet: set,
  secondsPerRun: SECONDS,
  machine: {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: process.env.BENCH_DATABASE_URL ? 'BENCH_DATABASE_URL' : 'embedded',
  },
  measurements,
  memory,
  startup,
};
writeReport(report);
log(
  quick
    ? 'wrote bench/results/compare-quick.json and docs/benchmarks-quick.md'
    : 'wrote bench/results/compare.json and docs/benchmarks.md',
);
