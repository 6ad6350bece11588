import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AuditLog, SecurityEventLog } from '@nexo/audit';
import { ErrorCode, type CreateApiClientInput } from '@nexo/contracts';
import { Database } from '@nexo/db';
import { DomainError, randomToken, sha256, type Principal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, asc, eq, sql } from 'drizzle-orm';
import { timingSafeEqual } from 'node:crypto';
import { apiClients } from '../db/auth.tables.js';
import { Throttle } from '../login/throttle.service.js';
import { AccessTokenService } from '../tokens/access-token.service.js';
import { ROLE_KEYS, assertRoleKeys, type RoleKeys } from './role-keys.js';

/** After a rotation the previous secret keeps working this long, so integrations can redeploy. */
const ROTATION_OVERLAP_MS = 24 * 3600_000;

export interface ApiClientView {
  clientId: string;
  name: string;
  roles: string[];
  status: string;
  createdAt: Date;
}

const same = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Machine clients of a tenant (OAuth2 client credentials). The client id is
 * `<tenant id>.<client id>` so the token endpoint knows whose rows to read; the secret is
 * random (256 bits), shown once, stored as SHA-256, rotatable with a day of overlap.
 */
@Injectable()
export class ApiClientService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(AccessTokenService) private readonly tokens: AccessTokenService,
    @Inject(Throttle) private readonly throttle: Throttle,
    @Inject(SecurityEventLog) private readonly events: SecurityEventLog,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(ModuleRef) private readonly modules: ModuleRef,
  ) {}

  async create(
    principal: Principal,
    input: CreateApiClientInput,
  ): Promise<ApiClientView & { clientSecret: string }> {
    // Only roles of this company (or system roles): another company's role key is no role.
    await assertRoleKeys(
      this.modules.get<RoleKeys>(ROLE_KEYS, { strict: false }),
      principal.tenantId,
      input.roles,
    );
    const secret = randomToken();
    const [row] = await this.database
      .tx()
      .insert(apiClients)
      .values({
        tenantId: principal.tenantId,
        id: newId(),
        name: input.name,
        roles: input.roles,
        secretHash: sha256(secret),
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await this.audit.record({
      action: 'create',
      resource: 'auth.api-client',
      resourceId: `${row.tenantId}.${row.id}`,
      after: { ...this.view(row) },
    });
    return { ...this.view(row), clientSecret: secret };
  }

  async list(principal: Principal): Promise<ApiClientView[]> {
    const rows = await this.database
      .tx()
      .select()
      .from(apiClients)
      .where(eq(apiClients.tenantId, principal.tenantId))
      .orderBy(asc(apiClients.createdAt))
      .limit(200);
    return rows.map((r) => this.view(r));
  }

  async rotate(
    principal: Principal,
    clientId: string,
  ): Promise<{ clientId: string; clientSecret: string; previousValidUntil: Date }> {
    const id = this.ownId(principal, clientId);
    const secret = randomToken();
    const previousValidUntil = new Date(Date.now() + ROTATION_OVERLAP_MS);
    const rows = await this.database
      .tx()
      .update(apiClients)
      .set({
        previousSecretHash: apiClients.secretHash,
        previousValidUntil,
        secretHash: sha256(secret),
        updatedAt: sql`now()`,
        version: sql`${apiClients.version} + 1`,
      })
      .where(and(eq(apiClients.tenantId, principal.tenantId), eq(apiClients.id, id)))
      .returning({ id: apiClients.id });
    if (!rows.length) throw DomainError.notFound('API client');
    await this.audit.record({
      action: 'rotate-secret',
      resource: 'auth.api-client',
      resourceId: clientId,
    });
    await this.events.record({
      event: 'client.rotate',
      outcome: 'success',
      userId: principal.userId,
      tenantId: principal.tenantId,
      detail: { clientId },
    });
    return { clientId, clientSecret: secret, previousValidUntil };
  }

  /** Disabling also refuses every token already issued to the client, on its next use. */
  async disable(principal: Principal, clientId: string): Promise<void> {
    const id = this.ownId(principal, clientId);
    const rows = await this.database
      .tx()
      .update(apiClients)
      .set({ status: 'disabled', validAfter: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(apiClients.tenantId, principal.tenantId), eq(apiClients.id, id)))
      .returning({ id: apiClients.id });
    if (!rows.length) throw DomainError.notFound('API client');
    await this.audit.record({
      action: 'disable',
      resource: 'auth.api-client',
      resourceId: clientId,
      before: { status: 'active' },
      after: { status: 'disabled' },
    });
  }

  /** The token endpoint: client id and secret in, a short-lived access token out. */
  async issueToken(
    clientId: string,
    clientSecret: string,
    ip: string,
  ): Promise<{ access_token: string; token_type: 'Bearer'; expires_in: number }> {
    await this.throttle.consume('token:ip', ip);
    const invalid = new DomainError(ErrorCode.InvalidCredentials, 'Unknown client or wrong secret');
    const [tenantId, id] = clientId.split('.', 2);
    if (!tenantId || !id || !/^[0-9a-f-]{36}$/.test(tenantId) || !/^[0-9a-f-]{36}$/.test(id))
      throw invalid;
    const client = await this.database.withContext({ tenantId, actor: 'integration' }, async () => {
      const [row] = await this.database
        .tx()
        .select()
        .from(apiClients)
        .where(and(eq(apiClients.tenantId, tenantId), eq(apiClients.id, id)));
      return row;
    });
    const presented = sha256(clientSecret);
    const matches =
      client &&
      client.status === 'active' &&
      (same(presented, client.secretHash) ||
        (client.previousSecretHash !== null &&
          client.previousValidUntil !== null &&
          client.previousValidUntil > new Date() &&
          same(presented, client.previousSecretHash)));
    if (!client || !matches) {
      await this.throttle.consume('token:client', clientId);
      await this.events.recordAlone({
        event: 'client.token',
        outcome: 'failure',
        tenantId,
        detail: { clientId },
      });
      throw invalid;
    }
    const accessToken = await this.tokens.sign({
      userId: client.id,
      tenantId,
      actor: 'integration',
      membershipId: client.id,
    });
    return { access_token: accessToken, token_type: 'Bearer', expires_in: this.tokens.ttlSeconds };
  }

  private ownId(principal: Principal, clientId: string): string {
    const [tenantId, id] = clientId.split('.', 2);
    if (tenantId !== principal.tenantId || !id || !/^[0-9a-f-]{36}$/.test(id))
      throw DomainError.notFound('API client');
    return id;
  }

  private view(row: typeof apiClients.$inferSelect): ApiClientView {
    return {
      clientId: `${row.tenantId}.${row.id}`,
      name: row.name,
      roles: row.roles,
      status: row.status,
      createdAt: row.createdAt,
    };
  }
}
