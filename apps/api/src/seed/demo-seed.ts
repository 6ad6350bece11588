import type { INestApplicationContext } from '@nestjs/common';
import { UserService } from '@nexo/auth';
import { CountryPackInstaller } from '@nexo/catalog';
import { AR_PACK } from '@nexo/commerce';
import { Database } from '@nexo/db';
import { TenantService } from '@nexo/tenancy';
import type { Tx } from '@nexo/db';
import { createCompany } from '../companies/create-company.js';
import { seedDemoAccounts } from './demo-accounts.js';
import { seedDemoCatalog } from './demo-catalog.js';
import { seedDemoCrm } from './demo-crm.js';
import { seedDemoInventory } from './demo-inventory.js';

/** Fixed, so that every start can tell whether the demo company is already there. */
export const DEMO_TENANT_ID = '01936b2c-5a00-7000-8000-00000000de30';

export const DEMO_LOGINS = [
  {
    email: 'admin@demo.nexo.test',
    password: 'nexo-demo-admin',
    name: 'Ana Álvarez',
    roles: ['owner', 'admin'],
    label: 'admin',
  },
  {
    email: 'ventas@demo.nexo.test',
    password: 'nexo-demo-ventas',
    name: 'Bruno Benítez',
    roles: ['sales'],
    label: 'sales',
  },
] as const;

/**
 * The demo company, in one transaction: it is there whole or not at all, and a second run
 * changes nothing. Each context's sample data has its own file (`demo-crm.ts`, …). The
 * catalog is seeded whenever the company has none, its stock (warehouses, lots, opening
 * stock) whenever it has no warehouse, and its books (a year of invoices, bills, payments
 * and expenses) whenever it has none of the demo's entries, so a demo company made before
 * them gains them on the next start.
 */
export async function seedDemo(app: INestApplicationContext): Promise<{ seeded: boolean }> {
  const database = app.get(Database);
  const tenants = app.get(TenantService);
  const users = app.get(UserService);
  // A demo company made before the packs gets the Argentine taxes with its catalog.
  const installTaxes = () => app.get(CountryPackInstaller).install(DEMO_TENANT_ID, AR_PACK, 'es');
  return database.withContext({ tenantId: DEMO_TENANT_ID }, async (tx) => {
    const company = !(await tenants.findById(DEMO_TENANT_ID));
    if (company) await createDemoCompany(app, tx, users);
    const catalog = await seedDemoCatalog(tx, DEMO_TENANT_ID, installTaxes);
    // The books first: the year of entries is numbered before the stock valued today.
    const books = await seedDemoAccounts(app, tx, DEMO_TENANT_ID, DEMO_LOGINS[0].email);
    const stock = await seedDemoInventory(app, tx, DEMO_TENANT_ID, DEMO_LOGINS[0].email);
    return { seeded: company || catalog || stock || books };
  });
}

/** The company (with the Argentine pack), its demo logins and its CRM. */
async function createDemoCompany(
  app: INestApplicationContext,
  tx: Tx,
  users: UserService,
): Promise<void> {
  await createCompany(app, DEMO_TENANT_ID, {
    slug: 'demo',
    name: 'Distribuidora Del Plata',
    legalName: 'Distribuidora Del Plata S.A.',
    taxId: '30-71234567-1',
    taxCondition: 'responsable_inscripto',
    country: 'AR',
    currency: 'ARS',
    locale: 'es',
    timezone: 'America/Argentina/Buenos_Aires',
  });
  const created: Record<string, { userId: string; membershipId: string }> = {};
  for (const login of DEMO_LOGINS) {
    const { user, membership } = await users.createWithMembership({
      tenantId: DEMO_TENANT_ID,
      email: login.email,
      name: login.name,
      password: login.password,
      actor: 'employee',
      roles: [...login.roles],
    });
    created[login.label] = { userId: user.id, membershipId: membership.id };
  }
  const admin = created.admin;
  const sales = created.sales;
  if (!admin || !sales) throw new Error('demo logins missing');
  await seedDemoCrm(tx, DEMO_TENANT_ID, {
    adminId: admin.userId,
    salesId: sales.userId,
    salesMembershipId: sales.membershipId,
  });
}
