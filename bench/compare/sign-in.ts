import type pg from 'pg';
import { BENCH_PASSWORD, SEED_TAG } from './database.ts';
import type { TenantFixture } from './scenarios.ts';

/**
 * Each load tenant's owner signs in through NEXO's own API (tokens live 15 minutes); with the
 * token go the ids of the tenant's first 200 seeded parties (for get by id and update).
 */
export async function signInTenants(
  baseUrl: string,
  tenants: readonly { id: string; email: string }[],
  admin: pg.Client,
): Promise<TenantFixture[]> {
  const out: TenantFixture[] = [];
  for (const t of tenants) {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: t.email, password: BENCH_PASSWORD, tenantId: t.id }),
    });
    const body = (await res.json()) as { accessToken?: string };
    if (!body.accessToken) throw new Error(`bench sign-in failed: ${JSON.stringify(body)}`);
    const { rows } = await admin.query<{ id: string }>(
      'select id from crm.parties where tenant_id = $1 and $2 = any(tags) order by id limit 200',
      [t.id, SEED_TAG],
    );
    out.push({
      tenantId: t.id,
      token: body.accessToken,
      ids: rows.map((r) => r.id),
      deepCursor: '',
    });
  }
  return out;
}

/** A cursor `depth` rows into a tenant's list (by name), paging 200 at a time (NEXO and the limit). */
export async function restDeepCursor(
  baseUrl: string,
  listPath: string,
  token: string,
  depth: number,
): Promise<string> {
  let cursor: string | null = null;
  for (let seen = 0; seen < depth; seen += 200) {
    const res: Response = await fetch(
      `${baseUrl}${listPath}?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    cursor = ((await res.json()) as { nextCursor: string }).nextCursor;
  }
  return cursor ?? '';
}
