/**
 * Writes a new context's skeleton, ready for `npm run check` and `npm test` before anyone
 * writes a rule: the server library (module, public face, tables, repository, service,
 * controller, list, policy, factories, test kit, tests, README), its contracts (schemas,
 * routes, subjects, messages, context contract), the registry lines, the first migration
 * with RLS, and the regenerated API document and client.
 *
 *   npm run new:context -- <name> [--resource <singular>] [--plural <plural>]
 *   node tools/new-context.ts <name> --no-install --no-api   (files and migration only)
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { contractFiles } from './new-context/contract-files.ts';
import { namesOf, snake, type Names } from './new-context/names.ts';
import { serverFiles } from './new-context/server-files.ts';

const args = process.argv.slice(2);
const option = (flag: string) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
const root = path.resolve(option('--root') ?? path.join(import.meta.dirname, '..'));
const name = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!name) {
  console.error('usage: npm run new:context -- <name> [--resource <singular>] [--plural <plural>]');
  process.exit(2);
}
const n = namesOf(name, option('--resource'), option('--plural'));
const at = (file: string) => path.join(root, file);

if (
  existsSync(at(`libs/server/${n.context}`)) ||
  existsSync(at(`libs/shared/contracts/src/${n.context}`))
)
  throw new Error(`A context named ${n.context} exists already`);

for (const [file, content] of Object.entries({ ...serverFiles(n), ...contractFiles(n) })) {
  mkdirSync(path.dirname(at(file)), { recursive: true });
  writeFileSync(at(file), content);
}
registerContract(n);
registerModule(n);
allowArrows(n);
link(n);
migrate(n);
if (!args.includes('--no-api')) run('npm', ['run', 'api:generate']);
run('npx', [
  'prettier',
  '--log-level=warn',
  '--write',
  `libs/server/${n.context}`,
  `libs/shared/contracts/src/${n.context}`,
]);
console.log(`
${n.context}: written. Next: the first real rule in libs/server/${n.context}/src/${n.resource}/,
role rules in libs/shared/contracts/src/${n.context}/${n.context}.context.ts, then
npm run check && npm test.`);

/** One import and one line in the contexts registry. */
function registerContract(n: Names): void {
  const file = at('libs/shared/contracts/src/contexts.ts');
  let text = readFileSync(file, 'utf8');
  text = text.replace(
    /(\nimport [^\n]+\n)(?![\s\S]*\nimport )/,
    `$1import { ${n.Context}Context } from './${n.context}/${n.context}.context.js';\n`,
  );
  text = text.replace(/\n\] as const;/, `\n  ${n.Context}Context,\n] as const;`);
  writeFileSync(file, text);
}

/** One import and one line in the API's module registry. */
function registerModule(n: Names): void {
  const file = at('apps/api/src/modules.registry.ts');
  let text = readFileSync(file, 'utf8');
  text = text.replace(
    /(\nimport [^\n]+\n)(?![\s\S]*\nimport )/,
    `$1import { ${n.Context}Module } from '@nexo/${n.context}';\n`,
  );
  text = text.replace(/\n\};\s*$/, `\n  ${n.context}: ${n.Context}Module,\n};\n`);
  writeFileSync(file, text);
}

/** A context the lint map does not know yet uses the business base and nothing else. */
function allowArrows(n: Names): void {
  const file = at('eslint.config.mjs');
  const text = readFileSync(file, 'utf8');
  if (new RegExp(`\\n  '?${n.context}'?: `).test(text)) return;
  writeFileSync(
    file,
    text.replace(/(\nconst contextArrows = \{\n)/, `$1  ${n.context}: BUSINESS_BASE,\n`),
  );
}

/** The workspace link npm would make; `npm install` also records it in the lock file. */
function link(n: Names): void {
  if (!args.includes('--no-install')) {
    run('npm', ['install', '--offline', '--no-audit', '--no-fund']);
    return;
  }
  const target = at(`node_modules/@nexo/${n.context}`);
  if (!existsSync(target)) symlinkSync(`../../libs/server/${n.context}`, target);
}

/** The tables' migration from drizzle-kit, then one of RLS and grants by hand. */
function migrate(n: Names): void {
  const kit = ['--conditions=@nexo/source', 'node_modules/drizzle-kit/bin.cjs', 'generate'];
  run('node', [...kit, '--name', `${n.context}_init`]);
  run('node', [...kit, '--custom', '--name', `${n.context}_rls`]);
  const dir = at('libs/server/db/migrations');
  const custom = readdirSync(dir)
    .filter((f) => f.endsWith(`_${n.context}_rls.sql`))
    .sort()
    .at(-1);
  if (!custom) throw new Error('drizzle-kit wrote no custom migration');
  writeFileSync(
    path.join(dir, custom),
    `-- ${n.Context}: the tenant policy, forced RLS and the app role's grants on each table.\n` +
      `SELECT nexo.enable_tenant_rls('${n.context}.${snake(n.resources)}');\n`,
  );
}

function run(command: string, argv: string[]): void {
  execFileSync(command, argv, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}
