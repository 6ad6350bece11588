import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The context graph is lint's to enforce (ARCHITECTURE.md, "Context map"): an import
 * against an arrow fails `npm run lint`, and so does a library importing another's tables
 * (each context reads and writes only its own schema). Only those two rules run, without
 * type information, so the check costs the project graph read and not a type-check.
 */
const root = path.resolve(import.meta.dirname, '..');
const rule = '@nx/enforce-module-boundaries';
const tablesRule = 'no-restricted-imports';
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [tseslint.configs.disableTypeChecked],
  ruleFilter: ({ ruleId }) => ruleId === rule || ruleId === tablesRule,
});

async function boundaryErrors(from: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, from) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const importCrm = "import { CrmModule } from '@nexo/crm';\nexport const used = CrmModule;\n";

describe('the context graph', () => {
  // The rule reads Nx's saved project graph and finds nothing to check without it (a fresh
  // clone before any `npm run lint`): write it first, as the lint script does.
  beforeAll(() => {
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'],
      {
        cwd: root,
        env: { ...process.env, NX_DAEMON: 'false' },
        stdio: 'ignore',
      },
    );
  }, 120_000);

  it('fails an import against the arrows: catalog may not use crm', async () => {
    const errors = await boundaryErrors('libs/server/catalog/src/uses-crm.ts', importCrm);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(rule);
    expect(errors[0]).toContain('tagged with "context:catalog"');
  });

  it('fails an arrow the map does not draw: custom-fields may not use auth', async () => {
    const code = "import { AuthModule } from '@nexo/auth';\nexport const m = AuthModule;\n";
    const errors = await boundaryErrors('libs/server/custom-fields/src/uses-auth.ts', code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('tagged with "context:custom-fields"');
  });

  it('passes the arrows the map draws: crm uses permissions', async () => {
    const code =
      "import { PermissionsModule } from '@nexo/permissions';\nexport const m = PermissionsModule;\n";
    expect(await boundaryErrors('libs/server/crm/src/uses-permissions.ts', code)).toEqual([]);
  });

  it('passes the same import where the map allows it: the api wires every context', async () => {
    expect(await boundaryErrors('apps/api/src/uses-crm.ts', importCrm)).toEqual([]);
  });

  const importAuthTables =
    "import { memberships } from '@nexo/auth/tables';\nexport const t = memberships;\n";

  it("fails a context importing another's tables, along an arrow the map draws", async () => {
    // crm may use auth (its services), not auth.memberships itself.
    const errors = await boundaryErrors(
      'libs/server/crm/src/uses-auth-tables.ts',
      importAuthTables,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(tablesRule);
    expect(errors[0]).toContain("'@nexo/auth/tables'");
  });

  it('fails a context importing its own tables by the subpath, not relatively', async () => {
    const code = "import { parties } from '@nexo/crm/tables';\nexport const t = parties;\n";
    const errors = await boundaryErrors('libs/server/crm/src/uses-own-tables.ts', code);
    // The boundaries rule also asks for a relative import within a project.
    expect(errors.filter((e) => e.startsWith(tablesRule))).toHaveLength(1);
  });

  it("passes other contexts' tables where they are data, not a context's reach", async () => {
    // A table definition's foreign key, a seed, a test, and the testing library.
    const allowed = [
      'libs/server/crm/src/db/crm.tables.ts',
      'apps/api/src/seed/uses-auth-tables.ts',
      'libs/server/crm/src/uses-auth-tables.int.spec.ts',
      'libs/server/testing/src/uses-auth-tables.ts',
    ];
    for (const from of allowed)
      expect(await boundaryErrors(from, importAuthTables), from).toEqual([]);
  });
});
