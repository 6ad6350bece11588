import nx from '@nx/eslint-plugin';
import nextPlugin from '@next/eslint-plugin-next';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The context graph (ARCHITECTURE.md, "Context map"). Every context may use the platform
 * libraries; among contexts only these arrows exist. `tenancy` is the base every
 * tenant-owned table refers to. The ERP contexts' tags have no project yet: their
 * constraints are written now so that a new context gets its arrows by its tag alone.
 */
const platformTags = [
  'type:util',
  'type:contracts',
  'type:platform',
  'type:db',
  'type:audit',
  'type:events',
  'type:jobs',
];
/** What every business context may use below itself. */
const BUSINESS_BASE = ['permissions', 'auth', 'tenancy', 'custom-fields', 'records'];
const contextArrows = {
  tenancy: [],
  'custom-fields': ['tenancy'],
  auth: ['tenancy'],
  permissions: ['auth', 'tenancy'],
  // The write recipe (@nexo/records): permissions, audit and outbox around a repository.
  records: ['permissions'],
  // The commercial-document kit (@nexo/documents): header, lines, totals, numbers, PDF, mail.
  documents: ['records', 'permissions', 'tenancy'],
  // crm's timeline shows the documents sent to a party (the kit's one event).
  crm: [...BUSINESS_BASE, 'documents'],
  catalog: BUSINESS_BASE,
  // inventory ← sales, purchasing, production; inventory and accounts use none of them.
  // Its own operations (adjustments, transfers, counts) take states and numbers from the kit.
  inventory: ['documents', 'catalog', ...BUSINESS_BASE],
  accounts: BUSINESS_BASE,
  sales: ['documents', 'inventory', 'accounts', 'crm', 'catalog', ...BUSINESS_BASE],
  purchasing: ['documents', 'inventory', 'accounts', 'crm', 'catalog', ...BUSINESS_BASE],
  production: ['documents', 'inventory', 'accounts', 'catalog', ...BUSINESS_BASE],
};
const contextConstraints = (extra = {}) =>
  Object.entries(contextArrows).map(([context, uses]) => ({
    sourceTag: `context:${context}`,
    onlyDependOnLibsWithTags: [
      ...platformTags,
      `context:${context}`,
      ...[...uses, ...(extra[context] ?? [])].map((used) => `context:${used}`),
    ],
  }));

/**
 * Money (ADR 0016): decimal.js is configured once, in @nexo/utils, and everything else uses
 * its `Money`, `Quantity` and `decimal()`; a money-named field never becomes a float.
 */
const decimalJsImport = {
  name: 'decimal.js',
  message:
    'decimal.js is configured once in @nexo/utils: use Money, Quantity or decimal() from @nexo/utils (ADR 0016).',
};
/**
 * A money-named field or variable: a money word alone (`amount`, `price`) or as
 * the last camelCase word of a longer name (`listPrice`, `grandTotal`, `exchangeRate`),
 * optionally followed by one unit word (`discountPercent`, `totalAmount`). `totalCount`,
 * `taxId`, `priceListId`, `network` or `rateLimit` are not money.
 */
const MONEY_WORDS =
  'amount|amounts|price|prices|cost|costs|total|totals|subtotal|net|tax|taxes|discount|balance|rate|fee|fees|vat|creditLimit';
const capitalized = MONEY_WORDS.split('|')
  .map((w) => w[0].toUpperCase() + w.slice(1))
  .join('|');
const MONEY_NAME = `/^(?:${MONEY_WORDS}|[a-z][a-zA-Z0-9]*(?:${capitalized}))(?:Amount|Percent|Price|Total|Value|Minor)?$/`;
/** `x.amount`, `x?.amount`, `x.amount!`, `x['amount']`, `amount` at `path` of the node. */
const moneyOperand = (path) =>
  [
    `[${path}.name=${MONEY_NAME}]`,
    `[${path}.property.name=${MONEY_NAME}]`,
    `[${path}.property.value=${MONEY_NAME}]`,
    `[${path}.expression.name=${MONEY_NAME}]`,
    `[${path}.expression.property.name=${MONEY_NAME}]`,
  ].join(', ');
const toFloat =
  "CallExpression:matches([callee.name=/^(Number|parseFloat|parseInt)$/], [callee.object.name='Number'][callee.property.name=/^parse(Float|Int)$/])";
const moneyAsNumber = {
  message:
    'Money is not a number: compare and compute with Money or decimal() from @nexo/utils (ADR 0016), never Number(), parseFloat or unary + on a money field.',
};
const moneyLintRules = {
  'no-restricted-syntax': [
    'error',
    { selector: `${toFloat}:matches(${moneyOperand('arguments.0')})`, ...moneyAsNumber },
    {
      selector: `UnaryExpression[operator='+']:matches(${moneyOperand('argument')})`,
      ...moneyAsNumber,
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.nexo/**',
      '.nx/**',
      'libs/server/db/migrations/**',
      '**/.next/**',
      '**/next-env.d.ts',
      'test-results/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Nest classes are often only constructed by the container.
      '@typescript-eslint/no-extraneous-class': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:util', 'type:contracts'],
            },
            {
              sourceTag: 'type:platform',
              onlyDependOnLibsWithTags: ['type:util', 'type:contracts'],
            },
            {
              sourceTag: 'type:db',
              onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:platform'],
            },
            {
              sourceTag: 'type:audit',
              onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:platform', 'type:db'],
            },
            {
              sourceTag: 'type:events',
              onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:platform', 'type:db'],
            },
            {
              sourceTag: 'type:jobs',
              onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:platform', 'type:db'],
            },
            {
              sourceTag: 'type:context',
              onlyDependOnLibsWithTags: [
                'type:util',
                'type:contracts',
                'type:platform',
                'type:db',
                'type:audit',
                'type:events',
                'type:jobs',
                'type:context',
              ],
            },
            // Which contexts a context may use (narrower than type:context above).
            ...contextConstraints(),
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: [
                'type:util',
                'type:contracts',
                'type:platform',
                'type:db',
                'type:audit',
                'type:events',
                'type:jobs',
                'type:context',
              ],
            },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The portals and their libraries use the shared ones, never server code…
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            // …and no server code uses theirs.
            { sourceTag: 'scope:server', notDependOnLibsWithTags: ['scope:web'] },
            {
              sourceTag: 'type:web',
              onlyDependOnLibsWithTags: ['type:web', 'type:util', 'type:contracts'],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },
  {
    // Money (ADR 0016): only @nexo/utils imports decimal.js; no money field becomes a float.
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [decimalJsImport] }],
      ...moneyLintRules,
    },
  },
  {
    files: ['libs/shared/utils/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // A context reads and writes only its own schema (issue 24): no library imports another's
    // table objects, and its own it imports relatively (`../db/crm.tables.js`). What it needs
    // of another context's data it asks that context's public services. Table definitions may
    // name other contexts' tables for their foreign keys; tests (their fixtures), the apps
    // (seeds), bench, tools and the testing library may import any `@nexo/<lib>/tables`.
    files: ['libs/server/**/*.ts'],
    ignores: ['libs/server/*/src/db/*.tables.ts', 'libs/server/testing/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [decimalJsImport],
          patterns: [
            {
              group: ['@nexo/*/tables'],
              message:
                "Another context's tables are its own: use its public service (own tables: import them relatively).",
            },
          ],
        },
      ],
    },
  },
  {
    // A context's integration tests and their factories (src/testing/) use the shared harness
    // (@nexo/testing) on top of the context's own arrows; the context's code may not.
    files: Object.keys(contextArrows).flatMap((context) => [
      `libs/server/${context}/src/**/*.int.spec.ts`,
      `libs/server/${context}/src/testing/**/*.ts`,
    ]),
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: contextConstraints().map((constraint) => ({
            ...constraint,
            onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:testing'],
          })),
        },
      ],
    },
  },
  {
    // The library's integration tests use the shared harness (@nexo/testing); its code may not.
    files: ['libs/server/events/src/**/*.int.spec.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:events',
              onlyDependOnLibsWithTags: [
                'type:util',
                'type:contracts',
                'type:platform',
                'type:db',
                'type:testing',
              ],
            },
          ],
        },
      ],
    },
  },
  {
    // A price list's party is a foreign key to crm.parties: only the table definitions may
    // name crm; catalog's code does not use it.
    files: ['libs/server/catalog/src/db/catalog.tables.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { allow: [], depConstraints: contextConstraints({ catalog: ['crm'] }) },
      ],
    },
  },
  {
    // A ledger line's party (receivable, payable) is a foreign key to crm.parties, named only
    // by the table definitions, as for catalog's price lists.
    files: ['libs/server/accounts/src/db/accounts.tables.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { allow: [], depConstraints: contextConstraints({ accounts: ['crm'] }) },
      ],
    },
  },
  {
    files: ['libs/server/jobs/src/**/*.int.spec.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:jobs',
              onlyDependOnLibsWithTags: [
                'type:util',
                'type:contracts',
                'type:platform',
                'type:db',
                'type:testing',
              ],
            },
          ],
        },
      ],
    },
  },
  {
    // The portals (React): the rules of hooks, and Next's own checks in the apps.
    files: ['apps/portal-*/**/*.{ts,tsx}', 'libs/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...nextPlugin.configs.recommended.rules,
      // Async handlers on DOM events are how forms submit; a rejected one is shown by its own code.
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
    },
    settings: { next: { rootDir: 'apps/portal-employees' } },
  },
  {
    files: ['**/*.mjs', '*.config.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Test files poke at untyped JSON bodies; the assertions are the type check.
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  prettier,
);
