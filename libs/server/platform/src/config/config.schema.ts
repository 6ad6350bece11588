import { z } from 'zod';

/** Every context NEXO knows how to mount. `NEXO_MODULES` picks a subset of these. */
export const KNOWN_MODULES = ['tenancy', 'auth'] as const;
export type ModuleName = (typeof KNOWN_MODULES)[number];

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z
  .string()
  .url()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://');

const modulesList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.union([z.literal('all'), z.enum(KNOWN_MODULES)])).min(1))
  .transform((list): ModuleName[] =>
    list.includes('all') ? [...KNOWN_MODULES] : (list as ModuleName[]),
  );

/**
 * The environment NEXO reads, parsed once at boot. The README's configuration table lists
 * the same variables; keep the two in step.
 */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_APP_URL: postgresUrl.optional(),
  NEXO_DB_APP_PASSWORD: z.string().min(12).optional(),
  NEXO_DATA_DIR: z.string().min(1).default('.nexo'),
  NEXO_DB_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  NEXO_DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  NEXO_MODULES: modulesList.default([...KNOWN_MODULES]),
  NEXO_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  NEXO_SEED_DEMO: booleanFromEnv.default(true),
  NEXO_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
});

export type AppConfig = z.infer<typeof ConfigSchema>;
