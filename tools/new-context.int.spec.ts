import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TestDatabaseEnv } from '@nexo/testing';
import { scratchCopy } from './new-context/scratch-copy.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * `npm run new:context` in a scratch copy of the repository: the context it writes
 * typechecks, lints, is in the API document, and its own tests, the route matrix, the
 * tenant-isolation sweep and the RLS proof pass with it mounted. And it touches only its
 * own folders, two registry lines and generated files.
 */
describe('the context generator', () => {
  let copy: string;
  const sh = (command: string, args: string[], env: Record<string, string> = {}) =>
    execFileSync(command, args, {
      cwd: copy,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))),
        NODE_ENV: 'test',
        ...env,
      },
    });
  const changed = () =>
    sh('git', ['status', '--porcelain', '--untracked-files=all'])
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));

  beforeAll(() => {
    copy = scratchCopy(ROOT);
    // The copy's own history, so that what the generator changes can be listed.
    sh('git', ['init', '-q']);
    sh('git', ['add', '-A']);
    sh('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'before']);
    sh('node', ['tools/new-context.ts', 'probe', '--no-install']);
  }, 300_000);
  afterAll(() => {
    if (copy && existsSync(copy)) rmSync(copy, { recursive: true, force: true });
  });

  it('edits nothing outside its folders but two registry lines and generated files', () => {
    const outside = changed().filter(
      (file) =>
        !file.startsWith('libs/server/probe/') &&
        !file.startsWith('libs/shared/contracts/src/probe/'),
    );
    const migrations = outside.filter((f) => f.startsWith('libs/server/db/migrations/'));
    expect(outside.filter((f) => !migrations.includes(f)).sort()).toEqual([
      'apps/api/src/modules.registry.ts',
      'docs/api/openapi.json',
      'eslint.config.mjs',
      'libs/shared/contracts/src/contexts.ts',
      'libs/web/api-client/src/openapi.d.ts',
    ]);
    // drizzle-kit's: the tables' SQL and the RLS SQL, their snapshots and the journal.
    expect(migrations).toHaveLength(5);
    const registry = sh('git', ['diff', '-U0', '--', 'libs/shared/contracts/src/contexts.ts']);
    expect(registry.split('\n').filter((l) => /^\+[^+]/.test(l))).toEqual([
      "+import { ProbeContext } from './probe/probe.context.js';",
      '+  ProbeContext,',
    ]);
    const rls = migrations.find((f) => f.endsWith('_probe_rls.sql'));
    expect(readFileSync(path.join(copy, rls ?? ''), 'utf8')).toContain(
      "SELECT nexo.enable_tenant_rls('probe.probe_records');",
    );
  });

  it('typechecks, lints and is in the API document', () => {
    sh('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
    sh('npx', ['nx', 'show', 'projects']);
    sh('npx', [
      'eslint',
      '--max-warnings=0',
      'libs/server/probe',
      'libs/shared/contracts/src/probe',
      'libs/shared/contracts/src/contexts.ts',
      'apps/api/src/modules.registry.ts',
    ]);
    sh('node', ['tools/api-generate.ts', '--check']);
    const document = JSON.parse(readFileSync(path.join(copy, 'docs/api/openapi.json'), 'utf8'));
    expect(Object.keys(document.paths)).toContain('/api/v1/probe/probe-records/{id}');
  }, 300_000);

  it('passes its own tests, the route matrix, the isolation sweep and the RLS proof', () => {
    // The run's PostgreSQL (embedded or the machine's): the copy migrates its own template.
    const database: TestDatabaseEnv = inject('nexoDb');
    const out = sh(
      'npx',
      [
        'vitest',
        'run',
        'libs/server/probe',
        'apps/api/test/route-permissions.e2e.spec.ts',
        'apps/api/test/tenant-isolation-sweep.e2e.spec.ts',
        'libs/server/testing/src/proofs/tenancy-catalog.int.spec.ts',
      ],
      { TEST_DATABASE_URL: database.serverUrl, NO_COLOR: '1', FORCE_COLOR: '0' },
    );
    // Vitest colours its summary when it thinks a terminal reads it; the count is what matters.
    const summary = out.replace(/\u001b\[[0-9;]*m/g, '');
    expect(summary).toMatch(/Test Files\s+5 passed/);
  }, 600_000);
});
