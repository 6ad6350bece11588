import { isIP } from 'node:net';
import { CONTEXT_MODULE_NAMES, type ContextModuleName } from '@nexo/contracts';
import { z } from 'zod';

/**
 * Every context NEXO knows how to mount, from the contexts' registry. `NEXO_MODULES` picks a
 * subset. Identity and audit are not in this list: every process mounts them, so no route is
 * ever unguarded.
 */
export const KNOWN_MODULES = CONTEXT_MODULE_NAMES as readonly ContextModuleName[];
export type ModuleName = ContextModuleName;

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
  .pipe(
    z
      .array(z.union([z.literal('all'), z.enum(KNOWN_MODULES as [ModuleName, ...ModuleName[]])]))
      .min(1),
  )
  .transform((list): ModuleName[] =>
    list.includes('all') ? [...KNOWN_MODULES] : (list as ModuleName[]),
  );

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const isProxyEntry = (entry: string): boolean => {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return PROXY_NAMES.includes(entry);
  return (
    bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128))
  );
};
const proxyList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.string().refine(isProxyEntry, 'addresses, CIDRs, loopback, linklocal or uniquelocal'),
    ),
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
  NEXO_PUBLIC_URL: z.string().url().optional(),
  NEXO_SECRET_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/_-]{43,}={0,2}$/, 'must be at least 32 random bytes, base64 or base64url')
    .optional(),
  NEXO_ACCESS_TOKEN_TTL_S: z.coerce.number().int().min(60).max(900).default(600),
  NEXO_REFRESH_TOKEN_TTL_S: z.coerce
    .number()
    .int()
    .min(3600)
    .max(90 * 86400)
    .default(30 * 86400),
  NEXO_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  NEXO_MAIL_FROM: z.string().min(3).default('NEXO <no-reply@nexo.local>'),
  NEXO_LOGIN_LOCK_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(1000),
  /**
   * Proxies whose X-Forwarded-For is believed (addresses, CIDRs, `loopback`, `linklocal`,
   * `uniquelocal`). Unset: nobody's, except that `nexo start` trusts loopback for its portal.
   */
  NEXO_TRUSTED_PROXIES: proxyList.optional(),
  NEXO_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** NATS with JetStream for domain events; without it they are delivered in process. */
  NEXO_NATS_URL: z
    .string()
    .url()
    .refine((v) => /^(nats|tls):\/\//.test(v), 'must start with nats:// or tls://')
    .optional(),
  NEXO_IDEMPOTENCY_TTL_S: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 86400)
    .default(86400),
  /** `nexo start` also serves the employee portal (Next.js) as a child process. */
  NEXO_PORTAL: booleanFromEnv.default(true),
  /** The portal's port (`0` picks a free one). */
  NEXO_PORTAL_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** 32+ random bytes sealing the portal's session cookies; made once in the data folder if unset. */
  NEXO_PORTAL_SECRET: z.string().min(32).optional(),
  NEXO_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /**
   * A company's OpenID Connect issuer may be on loopback or a private network (and then plain
   * http): a provider on this machine or the local network. Off, such issuers are refused.
   */
  NEXO_OIDC_ALLOW_PRIVATE_ISSUERS: booleanFromEnv.default(false),
  /** Days a delivered outbox event is kept (undelivered ones always are). Pruned hourly. */
  NEXO_OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  /**
   * Days a consumer's record of an event it applied is kept: what makes a redelivery a no-op, so
   * longer than anything redelivers (JetStream's stream keeps events 7 days).
   */
  NEXO_CONSUMED_EVENTS_RETENTION_DAYS: z.coerce.number().int().min(8).max(3650).default(14),
  /** Days a finished job run (completed or failed for good) is kept. */
  NEXO_JOB_RUNS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
});

export type AppConfig = z.infer<typeof ConfigSchema>;
