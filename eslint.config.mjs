import nx from '@nx/eslint-plugin';
import nextPlugin from '@next/eslint-plugin-next';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

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
