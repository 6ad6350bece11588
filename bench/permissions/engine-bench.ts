/**
 * The permission engine's two hot paths, with 10 and with 10,000 tenants' roles loaded:
 * a single-record check, and compiling a list filter to SQL. Also building a principal's
 * ability from its rules (done once per request).
 *
 *   npm run bench:permissions
 *
 * Targets (issue 4): check ≤ 10 µs, compile ≤ 1 ms, both flat in the number of tenants.
 * Results: bench/results/permissions.json.
 */
import { subject } from '@casl/ability';
import { accessibleWhere, buildAbility, SYSTEM_ROLES, type SourcedRule } from '@nexo/permissions';
import { pgTable, text, uuid, numeric } from 'drizzle-orm/pg-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

const deals = pgTable('deals', {
  ownerId: uuid('owner_id'),
  teamId: text('team_id'),
  status: text('status'),
  total: numeric('total'),
});
const columns = {
  owner_id: deals.ownerId,
  team_id: deals.teamId,
  status: deals.status,
  total: deals.total,
};

/** Each tenant has three roles of its own, in a store keyed by tenant (what the database holds). */
function makeStore(tenants: number): Map<string, SourcedRule[]> {
  const store = new Map<string, SourcedRule[]>();
  for (let i = 0; i < tenants; i++) {
    store.set(`tenant-${i}`, [
      { role: 'vendedor', action: 'read', subject: 'deal', conditions: { owner_id: '$user' } },
      {
        role: 'vendedor',
        action: 'update',
        subject: 'deal',
        conditions: { owner_id: '$user', status: { $in: ['draft', 'open'] } },
        fields: ['status', 'total'],
      },
      {
        role: 'equipo',
        action: 'read',
        subject: 'deal',
        conditions: { team_id: { $in: '$teams' } },
      },
      {
        role: 'tope',
        action: 'update',
        subject: 'deal',
        conditions: { total: { $gt: 10000 } },
        inverted: true,
      },
    ]);
  }
  return store;
}

function timeIt(
  label: string,
  iterations: number,
  fn: () => unknown,
): { label: string; microsPerOp: number } {
  for (let i = 0; i < Math.min(iterations, 10_000); i++) fn(); // warm up the JIT
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    runs.push(((performance.now() - start) * 1000) / iterations);
  }
  runs.sort((a, b) => a - b);
  return { label, microsPerOp: Number((runs[2] ?? 0).toFixed(3)) };
}

const results: { tenants: number; label: string; microsPerOp: number }[] = [];
for (const tenants of [10, 10_000]) {
  const store = makeStore(tenants);
  const userId = randomUUID();
  const principal = {
    userId,
    tenantId: `tenant-${tenants - 1}`,
    actor: 'employee' as const,
    membershipId: randomUUID(),
    roles: ['sales', 'vendedor', 'equipo', 'tope'],
    teams: ['norte', 'sur'],
    issuedAt: 0,
  };
  const rulesOf = (): SourcedRule[] => [
    ...(SYSTEM_ROLES.sales?.rules ?? []).map((r) => ({ ...r, role: 'sales' })),
    ...(store.get(principal.tenantId) ?? []),
  ];
  const ability = buildAbility(rulesOf(), principal);
  const mine = subject('deal', { owner_id: userId, team_id: 'oeste', status: 'open', total: 500 });
  const theirs = subject('deal', {
    owner_id: randomUUID(),
    team_id: 'oeste',
    status: 'open',
    total: 500,
  });
  if (!ability.can('update', mine) || ability.can('read', theirs))
    throw new Error('the bench rules do not behave as intended');
  results.push({
    tenants,
    ...timeIt('check one record (can update)', 200_000, () => ability.can('update', mine)),
  });
  results.push({
    tenants,
    ...timeIt('check one field (can update total)', 200_000, () =>
      ability.can('update', mine, 'total'),
    ),
  });
  results.push({
    tenants,
    ...timeIt('compile list filter to SQL', 20_000, () =>
      accessibleWhere(ability, 'read', 'deal', columns),
    ),
  });
  results.push({
    tenants,
    ...timeIt('build the ability of a request', 20_000, () => buildAbility(rulesOf(), principal)),
  });
}

const report = {
  when: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
  targets: { checkMicros: 10, compileMicros: 1000 },
  results,
};
const dir = path.resolve(import.meta.dirname, '../results');
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'permissions.json'), `${JSON.stringify(report, null, 2)}\n`);
console.table(
  results.map((r) => ({ tenants: r.tenants, operation: r.label, 'µs/op': r.microsPerOp })),
);
