import { defineConfig } from 'drizzle-kit';

/** Generates SQL migrations from every context's `*.tables.ts`; they are committed as SQL. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './libs/server/*/src/db/*.tables.ts',
  out: './libs/server/db/migrations',
  migrations: { schema: 'drizzle', table: '__drizzle_migrations' },
});
