/**
 * Sign-in under load: login latency at 10 concurrent sign-ins, and what a flood of sign-ins
 * does to an ordinary list route (its p99 alone, then while 50 connections sign in).
 *
 *   npm run bench:login            (embedded PostgreSQL in a temp folder)
 *   BENCH_DATABASE_URL=… npm run bench:login
 *
 * Results: bench/results/login.json. The server trusts X-Forwarded-For here so each
 * request comes "from" its own address and the per-IP limit does not cut the run short:
 * the figure is argon2 and the API, not the limiter.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load, type LoadResult } from '../lib/load.ts';
import { startNexo } from '../lib/nexo-server.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const admin = { email: 'admin@demo.nexo.test', password: 'nexo-demo-admin' };

const server = await startNexo({ NEXO_TRUSTED_PROXIES: 'loopback' });
try {
  const signIn = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const loginOptions = {
    url: `${server.baseUrl}/api/v1/auth/login`,
    method: 'POST' as const,
    body: JSON.stringify(admin),
    spreadClientIps: true,
    seconds: SECONDS,
  };
  const listOptions = {
    url: `${server.baseUrl}/api/v1/auth/members`,
    headers: { authorization: `Bearer ${accessToken}` },
    connections: 10,
    seconds: SECONDS,
  };

  const results: LoadResult[] = [];
  results.push(await load({ ...loginOptions, name: 'login, 10 connections', connections: 10 }));
  results.push(await load({ ...listOptions, name: 'members list alone, 10 connections' }));
  const [underFlood] = await Promise.all([
    load({
      ...listOptions,
      name: 'members list during a 50-connection login flood, 10 connections',
    }),
    load({ ...loginOptions, name: 'login flood, 50 connections', connections: 50 }),
  ]);
  results.push(underFlood);

  const report = {
    when: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    results,
  };
  const dir = path.resolve(import.meta.dirname, '../results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'login.json'), `${JSON.stringify(report, null, 2)}\n`);
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
} finally {
  await server.stop();
}
