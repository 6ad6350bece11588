import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// Nest relies on decorator metadata, which Vite's default transform does not emit: SWC does.
const plugins = [
  swc.vite({
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
  }),
];
/**
 * Workspace packages resolve to their TypeScript sources in tests: each package.json names
 * them under the `@nexo/source` condition. Aliases rather than resolve conditions, because
 * Vitest loads the global setup without the projects' conditions.
 */
function workspaceAliases(): { find: RegExp; replacement: string }[] {
  const aliases: { find: RegExp; replacement: string }[] = [];
  for (const base of ['apps', 'libs/shared', 'libs/server']) {
    for (const dir of readdirSync(base)) {
      const file = path.resolve(base, dir, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
        name: string;
        exports?: Record<string, { '@nexo/source'?: string }>;
      };
      for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
        if (!target['@nexo/source']) continue;
        // A `./*` subpath (a context's contracts: `@nexo/contracts/crm`) matches one segment.
        const name = `${pkg.name}${subpath.slice(1)}`
          .replace(/[/.]/g, (c) => `\\${c}`)
          .replace('*', '([a-z0-9-]+)');
        aliases.push({
          find: new RegExp(`^${name}$`),
          replacement: path.resolve(base, dir, target['@nexo/source']).replace('*', '$1'),
        });
      }
    }
  }
  return aliases;
}
const resolve = { alias: workspaceAliases() };

const integrationFiles = ['**/*.int.spec.ts', 'apps/*/test/**/*.e2e.spec.ts'];

export default defineConfig({
  plugins,
  resolve,
  test: {
    // Two cores: more workers than that only adds switching.
    maxWorkers: 2,
    projects: [
      {
        plugins,
        resolve,
        test: {
          name: 'unit',
          include: ['apps/*/src/**/*.spec.ts', 'libs/**/src/**/*.spec.ts', 'tools/*.spec.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', ...integrationFiles],
        },
      },
      {
        plugins,
        resolve,
        test: {
          name: 'integration',
          include: integrationFiles,
          exclude: ['**/node_modules/**', '**/dist/**'],
          globalSetup: [
            'libs/server/testing/src/global-setup.ts',
            'apps/api/test/helpers/build-dist.global-setup.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
