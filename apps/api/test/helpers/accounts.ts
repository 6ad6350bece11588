import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { UserService } from '@nexo/auth';
import { memberships } from '@nexo/auth/tables';
import { and, eq } from 'drizzle-orm';
import { createTenant, type TestDatabase } from '@nexo/testing';
import { randomBytes } from 'node:crypto';

export const TEST_PASSWORD = 'una clave de prueba larga';

export interface TestAccount {
  tenantId: string;
  userId: string;
  membershipId: string;
  email: string;
  password: string;
}

/** A new company with one member, created through the real services. */
export async function createAccount(
  app: NestFastifyApplication,
  db: TestDatabase,
  options: {
    tenantId?: string;
    email?: string;
    roles?: string[];
    actor?: 'employee' | 'professional';
    /** A portal member: client (or supplier) of this party. */
    portal?: { actor: 'client' | 'supplier'; partyId: string };
  } = {},
): Promise<TestAccount> {
  const tenantId = options.tenantId ?? (await createTenant(db.database)).id;
  const email = options.email ?? `u-${randomBytes(5).toString('hex')}@example.test`;
  const { user, membership } = await db.database.withContext({ tenantId }, () =>
    app.get(UserService).createWithMembership({
      tenantId,
      email,
      name: 'Persona de Prueba',
      password: TEST_PASSWORD,
      actor: options.actor ?? 'employee',
      roles: options.roles ?? ['admin'],
    }),
  );
  const portal = options.portal;
  if (portal) {
    await db.database.withContext({ tenantId }, (tx) =>
      tx
        .update(memberships)
        .set({ actor: portal.actor, partyId: portal.partyId })
        .where(and(eq(memberships.tenantId, tenantId), eq(memberships.id, membership.id))),
    );
  }
  return { tenantId, userId: user.id, membershipId: membership.id, email, password: TEST_PASSWORD };
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  sessionId: string;
}

export async function login(
  app: NestFastifyApplication,
  account: { email: string; password: string },
  tenantId?: string,
): Promise<Tokens> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: randomIp(),
    payload: {
      email: account.email,
      password: account.password,
      ...(tenantId ? { tenantId } : {}),
    },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return res.json<Tokens>();
}

/** Each call from its own address, so tests do not share the per-IP sign-in budget. */
export function randomIp(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

export const bearer = (token: string): { authorization: string } => ({
  authorization: `Bearer ${token}`,
});
