import { recordColumns } from '@nexo/db/columns';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  jsonb,
  foreignKey,
  index,
  integer,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '@nexo/tenancy/tables';

export const authSchema = pgSchema('auth');

/** People who can sign in. Global: one email, one password, memberships in many tenants. */
export const users = authSchema.table(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    locale: text('locale').notNull().default('es'),
    status: text('status').notNull().default('active'),
    passwordHash: text('password_hash'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** Access tokens issued before this instant are refused (disable, password change). */
    validAfter: timestamp('valid_after', { withTimezone: true }).notNull().defaultNow(),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** TOTP secret, encrypted with the install's secret key; set once enrolment is confirmed. */
    totpSecretEnc: text('totp_secret_enc'),
    totpPendingEnc: text('totp_pending_enc'),
    mfaEnabledAt: timestamp('mfa_enabled_at', { withTimezone: true }),
    ...recordColumns(),
  },
  (t) => [
    // Emails are unique whatever their case.
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    check('users_status_check', sql`${t.status} in ('active', 'disabled')`),
  ],
);

/** Ties a user to a tenant as one kind of actor, with roles. Tenant-owned. */
export const memberships = authSchema.table(
  'memberships',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    actor: text('actor').notNull(),
    /** The customer or supplier party a client or supplier member acts for (CRM). */
    partyId: uuid('party_id'),
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** CRM teams (crm.teams) the member belongs to: rules with `$teams` read them. */
    teams: uuid('teams')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    status: text('status').notNull().default('active'),
    /** Access tokens issued before this instant are refused (disable, role change). */
    validAfter: timestamp('valid_after', { withTimezone: true }).notNull().defaultNow(),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'memberships_pkey', columns: [t.tenantId, t.id] }),
    // A user's memberships across tenants (sign-in, tenant switcher).
    index('memberships_user_idx').on(t.userId),
    uniqueIndex('memberships_tenant_user_key').on(t.tenantId, t.userId),
    foreignKey({
      name: 'memberships_tenant_fk',
      columns: [t.tenantId],
      foreignColumns: [tenants.id],
    }),
    foreignKey({ name: 'memberships_user_fk', columns: [t.userId], foreignColumns: [users.id] }),
    check(
      'memberships_actor_check',
      sql`${t.actor} in ('employee', 'client', 'supplier', 'professional')`,
    ),
    check('memberships_status_check', sql`${t.status} in ('active', 'disabled')`),
    check(
      'memberships_party_check',
      sql`(${t.actor} in ('client', 'supplier')) = (${t.partyId} is not null)`,
    ),
  ],
);

/** Token signing keys. Private halves encrypted with the install's secret key. */
export const signingKeys = authSchema.table('signing_keys', {
  kid: text('kid').primaryKey(),
  alg: text('alg').notNull(),
  publicJwk: jsonb('public_jwk').notNull(),
  privateKeyEnc: text('private_key_enc').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set when a newer key takes over signing; still published for verification until expiry. */
  retiredAt: timestamp('retired_at', { withTimezone: true }),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
});

/** A signed-in device: one refresh-token family. Global (a user's, across tenants). */
export const sessions = authSchema.table(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    tenantId: uuid('tenant_id_current').notNull(),
    membershipId: uuid('membership_id').notNull(),
    mfa: boolean('mfa').notNull().default(false),
    /**
     * Set when a tenant's own OpenID provider vouched for the person: such a session may not
     * switch to other tenants, which never trusted that provider.
     */
    boundTenantId: uuid('bound_tenant_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    index('sessions_user_idx').on(t.userId),
    foreignKey({ name: 'sessions_user_fk', columns: [t.userId], foreignColumns: [users.id] }),
  ],
);

/** Opaque refresh tokens, stored as SHA-256; each is used once, then replaced. */
export const refreshTokens = authSchema.table(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('refresh_tokens_hash_key').on(t.tokenHash),
    index('refresh_tokens_session_idx').on(t.sessionId),
    foreignKey({
      name: 'refresh_tokens_session_fk',
      columns: [t.sessionId],
      foreignColumns: [sessions.id],
    }),
  ],
);

/** Single-use emailed tokens (password reset, email verification), stored as SHA-256. */
export const oneTimeTokens = authSchema.table(
  'one_time_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('one_time_tokens_hash_key').on(t.tokenHash),
    foreignKey({
      name: 'one_time_tokens_user_fk',
      columns: [t.userId],
      foreignColumns: [users.id],
    }),
    check(
      'one_time_tokens_purpose_check',
      sql`${t.purpose} in ('password_reset', 'email_verification')`,
    ),
  ],
);

/** MFA recovery codes, stored as SHA-256, each usable once. */
export const recoveryCodes = authSchema.table(
  'recovery_codes',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    index('recovery_codes_user_idx').on(t.userId),
    foreignKey({ name: 'recovery_codes_user_fk', columns: [t.userId], foreignColumns: [users.id] }),
  ],
);

/** An emailed invitation to join a tenant. The token carries the tenant id. */
export const invitations = authSchema.table(
  'invitations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    email: text('email').notNull(),
    actor: text('actor').notNull(),
    partyId: uuid('party_id'),
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'invitations_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('invitations_token_key').on(t.tenantId, t.tokenHash),
    index('invitations_email_idx').on(t.tenantId, sql`lower(${t.email})`),
    foreignKey({
      name: 'invitations_tenant_fk',
      columns: [t.tenantId],
      foreignColumns: [tenants.id],
    }),
    check(
      'invitations_actor_check',
      sql`${t.actor} in ('employee', 'client', 'supplier', 'professional')`,
    ),
  ],
);

/** An external OpenID Connect provider a tenant lets its people sign in with. */
export const oidcProviders = authSchema.table(
  'oidc_providers',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    clientSecretEnc: text('client_secret_enc').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'oidc_providers_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'oidc_providers_tenant_fk',
      columns: [t.tenantId],
      foreignColumns: [tenants.id],
    }),
  ],
);

/** A started OpenID Connect sign-in: PKCE verifier, state and nonce, until the callback. */
export const oidcLogins = authSchema.table(
  'oidc_logins',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    providerId: uuid('provider_id').notNull(),
    stateHash: text('state_hash').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    nonce: text('nonce').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'oidc_logins_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('oidc_logins_state_key').on(t.tenantId, t.stateHash),
    foreignKey({
      name: 'oidc_logins_provider_fk',
      columns: [t.tenantId, t.providerId],
      foreignColumns: [oidcProviders.tenantId, oidcProviders.id],
    }),
  ],
);

/** Machine clients (OAuth2 client credentials) of a tenant, with roles. */
export const apiClients = authSchema.table(
  'api_clients',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    secretHash: text('secret_hash').notNull(),
    /** The secret before the last rotation, accepted until `previousValidUntil`. */
    previousSecretHash: text('previous_secret_hash'),
    previousValidUntil: timestamp('previous_valid_until', { withTimezone: true }),
    status: text('status').notNull().default('active'),
    validAfter: timestamp('valid_after', { withTimezone: true }).notNull().defaultNow(),
    ...recordColumns(),
  },
  (t) => [
    primaryKey({ name: 'api_clients_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'api_clients_tenant_fk',
      columns: [t.tenantId],
      foreignColumns: [tenants.id],
    }),
    check('api_clients_status_check', sql`${t.status} in ('active', 'disabled')`),
  ],
);
