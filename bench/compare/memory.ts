/**
 * Where the API's memory goes, for sets of Node flags side by side: each set runs NEXO in turn
 * (rounds alternate between the sets, so a slow moment of the machine falls on all alike),
 * reads its memory idle, then loads it (list, then get by id) while sampling its RSS.
 *
 *   npm run bench:memory -- [--quick] ['<flags A>' '<flags B>' …]
 *
 * Without flag sets it measures `config.nodeFlags` (package.json); `NAME=value` in a set is an
 * environment variable for that run (`MALLOC_ARENA_MAX=2`). Per set and round it prints
 * RSS idle and its parts (file-backed pages, anonymous memory, V8's heap spaces), the peak
 * RSS under load, and each load's req/s and p99. Prints; writes nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FULL, QUICK, ROOT, ensureUsers, openDatabase } from './database.ts';
import { NEXO_READY, NODE_FLAGS, nexoBenchEnv, rssMb, spawnUntilReady } from './processes.ts';
import { loadScenario } from './scenario-load.ts';
import type { ScenarioName } from './scenarios.ts';
import { signInTenants } from './sign-in.ts';
import pg from 'pg';

const quick = process.argv.includes('--quick');
const given = process.argv.slice(2).filter((a) => a !== '--quick');
const flagSets = given.length ? given : [NODE_FLAGS.join(' ')];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** Long enough for V8's memory reducer (it starts 8 s after the last allocation burst). */
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 12_000);
const LOADS: ScenarioName[] = ['list', 'get-by-id'];

/** Resident memory by kind, in MB, from /proc/PID/smaps_rollup. */
function residentParts(pid: number): { file: number; anonymous: number } {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(text)?.[1]);
  return {
    file: Math.round((kb('Rss') - kb('Anonymous')) / 1024),
    anonymous: Math.round(kb('Anonymous') / 1024),
  };
}

/** V8's heap spaces as /metrics gives them (committed size), in MB, and the heap in use. */
async function heapSpaces(baseUrl: string): Promise<string> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const sizes = [
    ...text.matchAll(/^nexo_nodejs_heap_space_size_total_bytes\{space="(\w+)"\} (\d+)/gm),
  ];
  const used = /^nexo_nodejs_heap_size_used_bytes (\d+)/m.exec(text)?.[1];
  const external = /^nexo_nodejs_external_memory_bytes (\d+)/m.exec(text)?.[1];
  const mb = (bytes: string | number) => Math.round(Number(bytes) / 1048576);
  const spaces = sizes
    .map(([, space, bytes]) => [space?.replace(/_space$/, ''), mb(bytes ?? 0)] as const)
    .filter(([, size]) => size > 0)
    .map(([space, size]) => `${space} ${size}`);
  return `heap used ${mb(used ?? 0)} of ${spaces.join(', ')}; external ${mb(external ?? 0)}`;
}

const db = await openDatabase(quick ? QUICK : FULL, (line) => console.log(`[memory] ${line}`));
const env = nexoBenchEnv(db);
ensureUsers(db, env);
const admin = new pg.Client({ connectionString: db.adminUrl });
await admin.connect();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (let round = 1; round <= ROUNDS; round++) {
  for (const flags of flagSets) {
    // `NAME=value` among the flags is an environment variable (MALLOC_ARENA_MAX=2).
    const words = flags.split(' ').filter(Boolean);
    const variables = words
      .filter((w) => /^[A-Z_]+=/.test(w))
      .map((w): [string, string] => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]);
    const server = await spawnUntilReady(
      [
        ...words.filter((w) => !/^[A-Z_]+=/.test(w)),
        path.join(ROOT, 'apps/api/dist/cli/nexo.js'),
        'start',
      ],
      { ...env, ...Object.fromEntries(variables) },
      NEXO_READY,
    );
    const pid = server.child.pid ?? 0;
    const tenants = await signInTenants(server.baseUrl, db.loadTenants, admin);
    await sleep(IDLE_MS);
    const idle = { rss: rssMb(pid), ...residentParts(pid), heap: await heapSpaces(server.baseUrl) };
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
    const loads: string[] = [];
    for (const scenario of LOADS) {
      const result = await loadScenario({
        url: server.baseUrl,
        contender: 'nexo',
        scenario,
        fixtures: tenants,
        connections: CONNECTIONS,
        seconds: SECONDS,
      });
      loads.push(
        `${scenario} ${Math.round(result.requests.average)} req/s p99 ${result.latency.p99} ms`,
      );
    }
    clearInterval(sampler);
    const loaded = { ...residentParts(pid), heap: await heapSpaces(server.baseUrl) };
    console.log(`round ${round} [${flags}]
  idle: RSS ${idle.rss} MB (file ${idle.file}, anonymous ${idle.anonymous}); ${idle.heap}
  load (${CONNECTIONS} connections, ${SECONDS} s each): ${loads.join('; ')}
  peak RSS ${peak} MB; after: file ${loaded.file}, anonymous ${loaded.anonymous}; ${loaded.heap}`);
    await server.stop();
  }
}
await admin.end();
await db.stop();
