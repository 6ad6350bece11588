import type { Database } from '@nexo/db';
import { PermissionService, RoleRepository } from '@nexo/permissions';
import { requestContext, type Principal } from '@nexo/platform';
import { TenantDirectory } from '@nexo/tenancy';
import { createTenant } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import { ChainVerifier } from '../chain/chain-verifier.js';
import { Allocations } from '../current-accounts/allocations.service.js';
import { OpenItemsRepository } from '../current-accounts/open-items.repository.js';
import { LedgerRepository } from '../ledger/ledger.repository.js';
import { Ledger } from '../ledger/ledger.service.js';
import { PostingRulesResolver } from '../posting-rules/posting-rules.resolver.js';
import { LedgerReportsRepository } from '../reports/ledger-reports.repository.js';
import { BooksInstaller } from '../setup/books-installer.js';

/**
 * A company with its books open (a country's chart, default rules, journals, this year's
 * periods) and the ledger's services, for integration tests on a real PostgreSQL. `request`
 * runs a function as one request of a member with `roles` (the owner by default), in one
 * transaction, as the API would.
 */
export async function booksCompany(
  database: Database,
  options: { country?: string; year?: number } = {},
) {
  const tenant = await createTenant(database);
  const tenantId = tenant.id;
  const principalOf = (roles: string[]): Principal => ({
    userId: newId(),
    tenantId,
    actor: 'employee',
    membershipId: newId(),
    roles,
    issuedAt: 0,
  });
  const owner = principalOf(['owner']);
  const request = <T>(fn: () => Promise<T>, principal: Principal = owner): Promise<T> =>
    requestContext.run({ requestId: newId(), principal }, () =>
      database.withContext({ tenantId, userId: principal.userId }, fn),
    );
  const permissions = new PermissionService(new RoleRepository(database));
  const tenants = new TenantDirectory(database);
  const ledger = new Ledger(
    new LedgerRepository(database),
    new PostingRulesResolver(database),
    tenants,
    permissions,
  );
  const allocations = new Allocations(new OpenItemsRepository(database), ledger, tenants);
  const installer = new BooksInstaller(database);
  const year = options.year ?? 2026;
  await request(() => installer.install(tenantId, options.country ?? 'AR', 'es', year));

  /** Rows of the company read as the app role (RLS on), outside any request. */
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    (await database.withContext({ tenantId }, (tx) => tx.execute(query))).rows as T[];
  const accountId = async (code: string) =>
    (
      await rows<{ id: string }>(sql`
        select id from accounts.accounts where tenant_id = ${tenantId} and code = ${code}`)
    )[0]?.id ?? '';
  const ruleAccount = async (purpose: string) =>
    (
      await rows<{ account_id: string }>(sql`
        select account_id from accounts.posting_rules
         where tenant_id = ${tenantId} and purpose = ${purpose} and match_kind = 'default'`)
    )[0]?.account_id ?? '';
  const party = async (name = `Cliente ${newId().slice(-4)}`) => {
    const id = newId();
    await database.withContext({ tenantId }, (tx) =>
      tx.execute(sql`insert into crm.parties (tenant_id, id, kind, name)
        values (${tenantId}, ${id}, 'organization', ${name})`),
    );
    return id;
  };
  return {
    tenantId,
    currency: 'ARS',
    owner,
    principalOf,
    request,
    ledger,
    allocations,
    installer,
    chain: new ChainVerifier(database),
    reports: new LedgerReportsRepository(database),
    rows,
    accountId,
    ruleAccount,
    party,
  };
}

export type BooksCompany = Awaited<ReturnType<typeof booksCompany>>;
