/**
 * Profiles NEXO under one scenario's load (`--cpu-prof`), for finding where a request's time
 * goes: `node bench/compare/profile.ts get-by-id` writes a .cpuprofile under .nexo-bench/prof
 * and prints the functions with the most self time. `PROFILE=alloc` samples what the requests
 * allocate instead (`allocation-sampler.ts`, freed objects included), `PROFILE=heap` what is
 * still alive at exit (`--heap-prof`); both print bytes sampled.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { BENCH_DIR, QUICK, ROOT, ensureUsers, openDatabase } from './database.ts';
import { NEXO_READY, nexoBenchEnv, spawnUntilReady } from './processes.ts';
import { loadScenario, resetVersions } from './scenario-load.ts';
import type { ScenarioName } from './scenarios.ts';
import { restDeepCursor, signInTenants } from './sign-in.ts';

const scenario = (process.argv[2] ?? 'get-by-id') as ScenarioName;
const profDir = path.join(BENCH_DIR, 'prof');
/** Per `PROFILE`: NEXO's Node flags, the name of the file they write, what it counts. */
const MODES = {
  cpu: {
    flags: ['--cpu-prof', `--cpu-prof-dir=${profDir}`],
    file: /^CPU\..*\.cpuprofile$/,
    unit: 'samples',
  },
  heap: {
    flags: ['--heap-prof', `--heap-prof-dir=${profDir}`],
    file: /^Heap\..*\.heapprofile$/,
    unit: 'bytes sampled',
  },
  alloc: {
    flags: ['--import', path.join(import.meta.dirname, 'allocation-sampler.ts')],
    file: /^alloc-.*\.heapprofile$/,
    unit: 'bytes sampled',
  },
};
const modeName = process.env.PROFILE ?? 'cpu';
if (!(modeName in MODES)) throw new Error(`PROFILE is one of ${Object.keys(MODES).join(', ')}`);
const mode = MODES[modeName as keyof typeof MODES];
const db = await openDatabase(QUICK, () => undefined);
const env = nexoBenchEnv(db);
ensureUsers(db, env);
mkdirSync(profDir, { recursive: true });
const { child, baseUrl } = await spawnUntilReady(
  [...mode.flags, path.join(ROOT, 'apps/api/dist/cli/nexo.js'), 'start'],
  { ...env, NEXO_ALLOC_PROFILE_DIR: profDir },
  NEXO_READY,
);
const admin = new pg.Client({ connectionString: db.adminUrl });
await admin.connect();
const tenants = await signInTenants(baseUrl, db.loadTenants, admin);
// As in the side-by-side run: a deep page needs its cursor, updates need current versions.
if (scenario === 'deep-page') {
  const depth = Math.floor(QUICK.partiesPerTenant * 0.8);
  for (const f of tenants)
    f.deepCursor = await restDeepCursor(baseUrl, '/api/v1/crm/parties', f.token, depth);
}
if (scenario === 'update') await resetVersions(admin, tenants);
await admin.end();
const result = await loadScenario({
  url: baseUrl,
  contender: 'nexo',
  scenario,
  fixtures: tenants,
  connections: 10,
  seconds: 10,
});
console.log(`${scenario}: ${Math.round(result.requests.average)} req/s, non-2xx ${result.non2xx}`);
await new Promise<void>((done) => {
  child.once('exit', () => done());
  child.kill('SIGINT');
});
await db.stop();

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
}
const file =
  readdirSync(profDir)
    .filter((f) => mode.file.test(f))
    .map((f) => ({ f, at: statSync(path.join(profDir, f)).mtimeMs }))
    .sort((a, b) => a.at - b.at)
    .at(-1)?.f ?? '';
/** A heap profile's node: a tree of its own, its size sampled where a CPU node counts ticks. */
interface HeapNode {
  id: number;
  callFrame: Node['callFrame'];
  selfSize: number;
  children: HeapNode[];
}
const flatten = (n: HeapNode): (Node & { children: number[] })[] => [
  { ...n, hitCount: n.selfSize, children: n.children.map((c) => c.id) },
  ...n.children.flatMap(flatten),
];
const raw = JSON.parse(readFileSync(path.join(profDir, file), 'utf8')) as
  { nodes: Node[] } | { head: HeapNode };
const profile = { nodes: 'head' in raw ? flatten(raw.head) : raw.nodes };
const total = profile.nodes.reduce((a, n) => a + n.hitCount, 0);
const byFn = new Map<string, number>();
for (const n of profile.nodes) {
  const where = n.callFrame.url
    .replace(/^.*node_modules\//, '')
    .replace(/^file:\/\/.*\/(apps|libs)\//, '$1/');
  const key = `${n.callFrame.functionName || '(anonymous)'} ${where}:${n.callFrame.lineNumber}`;
  byFn.set(key, (byFn.get(key) ?? 0) + n.hitCount);
}
const byPackage = new Map<string, number>();
for (const n of profile.nodes) {
  const url = n.callFrame.url;
  const pkg =
    /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
    (url.includes('/libs/') || url.includes('/apps/')
      ? 'nexo'
      : url
        ? 'node'
        : n.callFrame.functionName);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + n.hitCount);
}
// Inclusive time (self + callees, each function counted once per stack) shows which layer
// a request's time goes through, where self time alone scatters it over small helpers.
interface Tree extends Node {
  children?: number[];
}
const nodes = new Map((profile.nodes as Tree[]).map((n) => [n.id, n]));
const keyOf = (n: Node): string =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url
    .replace(/^.*node_modules\//, '')
    .replace(/^file:\/\/.*\/(apps|libs)\//, '$1/')}:${n.callFrame.lineNumber}`;
const inclusive = new Map<string, number>();
const walk = (id: number, onStack: Set<string>): number => {
  const n = nodes.get(id);
  if (!n) return 0;
  const key = keyOf(n);
  let sum = n.hitCount;
  const fresh = !onStack.has(key);
  if (fresh) onStack.add(key);
  for (const c of n.children ?? []) sum += walk(c, onStack);
  if (fresh) {
    onStack.delete(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + sum);
  }
  return sum;
};
walk((profile.nodes[0] as Tree).id, new Set());
console.log(`profile ${file}: ${total} ${mode.unit}`);
for (const [k, v] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
console.log('---');
for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
console.log('--- inclusive');
for (const [k, v] of [...inclusive]
  .filter(([k]) => !k.startsWith('(root)') && !k.startsWith('(program)'))
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(process.env.PROFILE_TOP ?? 60)))
  console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
