/**
 * NEXO against the limit (Fastify + pg) and a peer (PostGraphile 5), on the same database,
 * data and machine, in one run: all three up at once, each scenario's load taking turns
 * between them (rotating who goes first), so a slow minute of the machine falls on all.
 *
 *   npm run bench              200 tenants × 5,000 parties (seeded once into .nexo-bench/)
 *   npm run bench -- --quick   20 tenants × 1,000 parties, shorter runs
 *   BENCH_ONLY=nexo,limit BENCH_SCENARIOS=get-by-id,list   a partial run: prints, writes nothing
 *
 * BENCH_DATABASE_URL (a superuser URL) uses that server instead of the embedded one.
 * Writes bench/results/compare.json and docs/benchmarks.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { FULL, QUICK, ROOT, ensureUsers, openDatabase, removeCreatedParties } from './database.ts';
import {
  NEXO_READY,
  NODE_FLAGS,
  cpuWindow,
  nexoBenchEnv,
  rssMb,
  spawnUntilReady,
  type Running,
} from './processes.ts';
import { restDeepCursor, signInTenants } from './sign-in.ts';
import { writeReport, type Measurement, type Report } from './report.ts';
import { loadScenario, resetVersions } from './scenario-load.ts';
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

const db = await openDatabase(set, log);
const nexoEnv = nexoBenchEnv(db);
ensureUsers(db, nexoEnv);
const admin = new pg.Client({ connectionString: db.adminUrl });
await admin.connect();

const measurements: Measurement[] = [];
const memory: Report['memory'] = [];
const fixtures: Record<ContenderName, TenantFixture[]> = { nexo: [], limit: [], postgraphile: [] };
let jwks = '';
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

/** Tokens from NEXO's own sign-in and the ids to use; its JWKS and issuer for the others. */
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
  if (scenario === 'update') await resetVersions(admin, fixtures[name]);
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

const only = process.env.BENCH_ONLY?.split(',') as ContenderName[] | undefined;
// A partial run (some contenders or scenarios) is for trying a change: it prints, and
// leaves the committed report alone.
const scenarios = (process.env.BENCH_SCENARIOS?.split(',') as ScenarioName[] | undefined) ?? [
  ...SCENARIOS,
];
const partial = Boolean(only ?? process.env.BENCH_SCENARIOS);
const names = only ?? (['nexo', 'limit', 'postgraphile'] as ContenderName[]);

// All contenders up at once, the load taking turns between them: NEXO first (the others
// verify its tokens against its JWKS), then the others, then each one's deep cursors.
log('starting the contenders');
const nexoServer = await startContender('nexo');
const nexoTokens = await signIn(nexoServer);
const servers = new Map<ContenderName, Running>();
for (const name of names) {
  servers.set(name, name === 'nexo' ? nexoServer : await startContender(name));
  fixtures[name] = nexoTokens.map((f) => ({ ...f }));
  await prepare(name, servers.get(name) as Running);
}
await new Promise((r) => setTimeout(r, 1500));
const rss = new Map(
  names.map((name) => {
    const idle = rssMb(servers.get(name)?.child.pid);
    return [name, { idle, peak: idle }];
  }),
);
const sampler = setInterval(() => {
  for (const name of names) {
    const m = rss.get(name);
    if (m) m.peak = Math.max(m.peak, rssMb(servers.get(name)?.child.pid));
  }
}, 200);

/** One measured run of one contender: req/s, latency, and CPU per request of it and of PostgreSQL. */
let debugged = false;
async function measuredRun(name: ContenderName, scenario: ScenarioName, connections: number) {
  const server = servers.get(name) as Running;
  if (scenario === 'update') await resetVersions(admin, fixtures[name]);
  // Each create run probes for duplicates among the seeded parties only: a contender that
  // created 20,000 before must not make the next one's probes four times as long.
  if (scenario === 'create') await removeCreatedParties(admin, db.loadTenants);
  const cpu = cpuWindow(server.child.pid);
  const r = await loadScenario({
    url: server.baseUrl,
    contender: name,
    scenario,
    fixtures: fixtures[name],
    connections,
    seconds: SECONDS,
    onResponse: (status, body, context) => {
      if (process.env.BENCH_DEBUG && status >= 300 && !debugged) {
        debugged = true;
        log(`  first non-2xx: ${status} ${body.slice(0, 300)} ${JSON.stringify(context)}`);
      }
    },
  });
  const { serverMs, databaseMs } = cpu();
  if (r.non2xx)
    log(
      `  non-2xx: ${JSON.stringify((r as unknown as { statusCodeStats: unknown }).statusCodeStats)}`,
    );
  const done = Math.max(1, r.requests.total);
  return {
    requestsPerSecond: Math.round(r.requests.average),
    // CPU per request, µs: where a request's cost lies (the contender or the database).
    serverCpuUs: Math.round((serverMs * 1000) / done),
    databaseCpuUs: Math.round((databaseMs * 1000) / done),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx + r.errors,
  };
}

for (const scenario of scenarios) {
  // Tokens live 15 minutes: fresh ones for every scenario, the same for all contenders.
  const tokens = await signInTenants(nexoServer.baseUrl, db.loadTenants, admin);
  for (const name of names)
    fixtures[name].forEach((f, i) => (f.token = tokens[i]?.token ?? f.token));
  for (const name of names) await probe((servers.get(name) as Running).baseUrl, name, scenario);
  for (const connections of CONNECTIONS) {
    // A warm-up as long as a run for each: one second left the first scenario after a
    // start measured while the JIT was still compiling NEXO's larger request path.
    for (const name of names) await measuredRun(name, scenario, connections);
    const runs = new Map(
      names.map((name) => [name, [] as Awaited<ReturnType<typeof measuredRun>>[]]),
    );
    for (let i = 0; i < RUNS; i++) {
      // Turns rotate, so no contender always runs first after another's load.
      const order = names.map((_, k) => names[(i + k) % names.length] as ContenderName);
      for (const name of order)
        runs.get(name)?.push(await measuredRun(name, scenario, connections));
    }
    for (const name of names) {
      const sorted = (runs.get(name) ?? []).sort(
        (a, b) => a.requestsPerSecond - b.requestsPerSecond,
      );
      const median = sorted[Math.floor(sorted.length / 2)] as (typeof sorted)[number];
      measurements.push({
        contender: name,
        scenario,
        connections,
        ...median,
        runs: sorted.map((r) => r.requestsPerSecond),
      });
      log(
        `${name} ${scenario} c=${connections}: ${median.requestsPerSecond} req/s p50 ${median.p50} ms p99 ${median.p99} ms${median.non2xx ? ` (${median.non2xx} non-2xx)` : ''}, CPU/request ${median.serverCpuUs} µs + database ${median.databaseCpuUs} µs, RSS now ${rssMb(servers.get(name)?.child.pid)} MB`,
      );
    }
  }
}
clearInterval(sampler);
for (const name of names) {
  const m = rss.get(name) ?? { idle: 0, peak: 0 };
  memory.push({ contender: name, idleMb: m.idle, peakMb: m.peak });
  log(`${name} RSS: ${m.idle} MB idle, ${m.peak} MB peak`);
}
for (const server of new Set([nexoServer, ...servers.values()])) await server.stop();
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
