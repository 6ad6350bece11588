import path from 'node:path';
import type { NextConfig } from 'next';

const root = path.resolve(import.meta.dirname, '../..');

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Type checking and lint run in `npm run check` (tsc and ESLint over the whole workspace).
  typescript: { ignoreBuildErrors: false, tsconfigPath: 'tsconfig.json' },
  transpilePackages: [
    '@nexo/ui',
    '@nexo/session',
    '@nexo/i18n',
    '@nexo/api-client',
    '@nexo/contracts',
    '@nexo/utils',
  ],
  // The web libraries are TypeScript sources compiled here; `@nexo/contracts`, `@nexo/utils`
  // (Money, ADR 0016) and `@nexo/api-client` come from their `dist` (tools/build.mjs runs
  // first: `npm run portal:build`).
  turbopack: {
    root,
  },
  experimental: {
    optimizePackageImports: ['@tabler/icons-react', '@mantine/core', '@mantine/hooks'],
  },
};

export default config;
