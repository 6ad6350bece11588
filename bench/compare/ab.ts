/**
 * This NEXO against another build of it, for judging a change on these noisy machines: both
 * servers up at once on the same database, the load in short bursts that alternate between
 * them (A B B A …), so a slow moment of the machine falls on both alike.
 *
 *   npm run bench:ab -- <other checkout> [--quick]
 *   BENCH_SCENARIOS=list,update BENCH_BURSTS=12 npm run bench:ab -- ../nexo-before
 *
 * The other checkout must be built (`npm ci && npm run build` there) and expect the same
 * database schema (the same migrations). Prints; writes nothing.
 */
import path from 'node:path';
import pg from 'pg';
import { FULL, QUICK, ROOT, ensureUsers, openDatabase, removeCreatedParties } from './database.ts';
import {
  NEXO_READY,
  NODE_FLAGS,
  cpuWindow,
  nexoBenchEnv,
  spawnUntilReady,
  type Running,
} from './processes.ts';
import { loadScenario, resetVersions } from './scenario-load.ts';
import type { ScenarioName, TenantFixture } from './scenarios.ts';
import { restDeepCursor, signInTenants } from './sign-in.ts';

const other = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!other) throw new Error('usage: npm run bench:ab -- <other checkout> [--quick]');
const quick = process.argv.includes('--quick');
const set = quick ? QUICK : FULL;
const scenarios = (process.env.BENCH_SCENARIOS ?? 'list,deep-page,get-by-id').split(
  ',',
) as ScenarioName[];
const BURSTS = Number(process.env.BENCH_BURSTS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

interface Side {
  label: string;
  server: Running;
  fixtures: TenantFixture[];
  requests: number;
  seconds: number;
  serverCpuMs: number;
  databaseCpuMs: number;
  rates: number[];
}

const db = await openDatabase(set, (line) => console.log(`[ab] ${line}`));
const env = nexoBenchEnv(db);
ensureUsers(db, env);
const admin = new pg.Client({ connectionString: db.adminUrl });
await admin.connect();

async function start(label: string, checkout: string): Promise<Side> {
  const server = await spawnUntilReady(
    [...NODE_FLAGS, path.join(checkout, 'apps/api/dist/cli/nexo.js'), 'start'],
    env,
    NEXO_READY,
    checkout,
  );
  const fixtures = await signInTenants(server.baseUrl, db.loadTenants, admin);
  const depth = Math.floor(set.partiesPerTenant * 0.8);
  for (const f of fixtures)
    f.deepCursor = await restDeepCursor(server.baseUrl, '/api/v1/crm/parties', f.token, depth);
  const side = { server, fixtures, requests: 0, seconds: 0, serverCpuMs: 0, databaseCpuMs: 0 };
  return { label, ...side, rates: [] };
}

/** One burst of `scenario` on one side; counted unless it is a warm-up. */
async function burst(side: Side, scenario: ScenarioName, seconds: number, counted: boolean) {
  if (scenario === 'update') await resetVersions(admin, side.fixtures);
  if (scenario === 'create') await removeCreatedParties(admin, db.loadTenants);
  const cpu = cpuWindow(side.server.child.pid);
  const result = await loadScenario({
    url: side.server.baseUrl,
    contender: 'nexo',
    scenario,
    fixtures: side.fixtures,
    connections: CONNECTIONS,
    seconds,
  });
  if (result.non2xx + result.errors > 0)
    throw new Error(`${side.label} ${scenario}: ${result.non2xx + result.errors} failed requests`);
  if (!counted) return;
  const { serverMs, databaseMs } = cpu();
  side.requests += result.requests.total;
  side.seconds += seconds;
  side.serverCpuMs += serverMs;
  side.databaseCpuMs += databaseMs;
  side.rates.push(Math.round(result.requests.average));
}

const a = await start('other', path.resolve(other));
const b = await start('this', ROOT);
try {
  console.log(
    `[ab] ${BURSTS} bursts of ${SECONDS} s per side and scenario, ${CONNECTIONS} connections; A = ${other}, B = this checkout`,
  );
  for (const scenario of scenarios) {
    for (const side of [a, b]) {
      Object.assign(side, { requests: 0, seconds: 0, serverCpuMs: 0, databaseCpuMs: 0 });
      side.rates = [];
      await burst(side, scenario, 5, false);
    }
    for (let i = 0; i < BURSTS; i++) {
      const order = i % 2 === 0 ? [a, b] : [b, a];
      for (const side of order) await burst(side, scenario, SECONDS, true);
    }
    const line = (s: Side) =>
      `${Math.round(s.requests / s.seconds)} req/s (bursts ${Math.min(...s.rates)}–${Math.max(...s.rates)}), CPU/request ${Math.round((s.serverCpuMs * 1000) / s.requests)} µs + database ${Math.round((s.databaseCpuMs * 1000) / s.requests)} µs`;
    console.log(`[ab] ${scenario}: A ${line(a)}`);
    console.log(`[ab] ${scenario}: B ${line(b)}`);
    console.log(
      `[ab] ${scenario}: B/A ${(b.requests / b.seconds / (a.requests / a.seconds)).toFixed(2)}`,
    );
  }
} finally {
  await Promise.all([a.server.stop(), b.server.stop()]);
  await admin.end();
  await db.stop();
}
