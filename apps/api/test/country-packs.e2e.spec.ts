import { CountryPackInstaller } from '@nexo/catalog';
import { taxRates } from '@nexo/catalog/tables';
import { AR_PACK } from '@nexo/commerce';
import { decimal } from '@nexo/utils';
import { TenantService } from '@nexo/tenancy';
import { useTestDatabase } from '@nexo/testing';
import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCompany } from '../src/companies/create-company.js';
import { createAccount, login, type TestAccount } from './helpers/accounts.js';
import { caller } from './helpers/catalog.js';
import { useTestApp } from './helpers/test-app.js';

/**
 * Country packs (issue 25 item 4): the taxes a company starts with, and the tax condition of
 * a company and of a party, checked against its country's pack.
 */
describe('country packs', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);
  const as = async (account: TestAccount) =>
    caller(t.app, (await login(t.app, account, account.tenantId)).accessToken);

  /** A company made as the CLI makes one, and its taxes as stored. */
  async function company(slug: string, input: { country?: string; taxCondition?: string } = {}) {
    const id = TenantService.newTenantId();
    const tenant = await db.current.database.withContext({ tenantId: id }, () =>
      createCompany(t.app, id, { slug, name: slug, ...input }),
    );
    const taxes = await db.current.database.withContext({ tenantId: id }, (tx) =>
      tx.select().from(taxRates).where(eq(taxRates.tenantId, id)).orderBy(asc(taxRates.code)),
    );
    const byCode = Object.fromEntries(taxes.map((x) => [x.code, x]));
    return { tenant, taxes, byCode };
  }

  it('gives an Argentine company IVA 21 / 10.5 / 27 / 0, exento, no gravado and an inactive IIBB', async () => {
    const { tenant, taxes, byCode } = await company('pack-ar', {
      country: 'AR',
      taxCondition: 'responsable_inscripto',
    });
    expect(tenant).toMatchObject({
      currency: 'ARS',
      locale: 'es',
      taxCondition: 'responsable_inscripto',
    });
    expect(taxes.map((x) => x.code).sort()).toEqual(
      ['exento', 'iibb_percepcion', 'iva0', 'iva105', 'iva21', 'iva27', 'no_gravado'].sort(),
    );
    expect(byCode.iva21).toMatchObject({
      name: 'IVA 21%',
      kind: 'vat',
      active: true,
      country: 'AR',
    });
    expect(decimal(byCode.iva105?.rate ?? '').equals('10.5')).toBe(true);
    expect(decimal(byCode.iva27?.rate ?? '').equals('27')).toBe(true);
    expect(byCode.exento).toMatchObject({ kind: 'exempt' });
    expect(byCode.no_gravado).toMatchObject({ kind: 'non_taxable' });
    expect(byCode.iibb_percepcion).toMatchObject({ kind: 'perception', active: false });
    expect(decimal(byCode.iibb_percepcion?.threshold ?? '').equals('50000')).toBe(true);
    // Installing again adds nothing and changes nothing.
    const again = await db.current.database.withContext({ tenantId: tenant.id }, () =>
      t.app.get(CountryPackInstaller).install(tenant.id, AR_PACK, 'en'),
    );
    expect(again).toEqual([]);
    const after = await db.current.database.withContext({ tenantId: tenant.id }, (tx) =>
      tx.select().from(taxRates).where(eq(taxRates.tenantId, tenant.id)),
    );
    expect(after.map((x) => `${x.code}:${x.name}:${x.version}`).sort()).toEqual(
      taxes.map((x) => `${x.code}:${x.name}:${x.version}`).sort(),
    );
  });

  it('gives a Spanish company EUR, IVA, the recargo de equivalencia taxes and IRPF', async () => {
    const { tenant, byCode } = await company('pack-es', { country: 'ES' });
    expect(tenant).toMatchObject({
      currency: 'EUR',
      timezone: 'Europe/Madrid',
      taxCondition: null,
    });
    expect(Object.keys(byCode).sort()).toEqual(
      ['exento', 'irpf15', 'irpf7', 'iva10', 'iva21', 'iva4', 're05', 're14', 're52'].sort(),
    );
    expect(byCode.re52).toMatchObject({ kind: 'other', name: 'Recargo de equivalencia 5,2%' });
    expect(decimal(byCode.re14?.rate ?? '').equals('1.4')).toBe(true);
    expect(byCode.irpf15).toMatchObject({ kind: 'withholding', active: true });
    expect(decimal(byCode.irpf7?.rate ?? '').equals('7')).toBe(true);
    // Its books are open too: the Spanish chart (430 Clientes) and the five journals.
    const books = await db.current.database.withContext({ tenantId: tenant.id }, (tx) =>
      tx.execute<{ accounts: string[]; journals: string[] }>(sql`
        select array(select code from accounts.accounts where tenant_id = ${tenant.id}
                      and code = '430') as accounts,
               array(select code from accounts.journals where tenant_id = ${tenant.id}
                      order by code) as journals`),
    );
    expect(books.rows[0]).toEqual({
      accounts: ['430'],
      journals: ['BAN', 'CAJ', 'COM', 'GEN', 'VEN'],
    });
  });

  it('gives Mexico and Chile their taxes, anywhere else one tax at 0 %; a bad condition creates nothing', async () => {
    expect(Object.keys((await company('pack-mx', { country: 'MX' })).byCode).sort()).toEqual(
      ['exento', 'iva0', 'iva16', 'iva8', 'ret_isr', 'ret_iva'].sort(),
    );
    const cl = await company('pack-cl', { country: 'CL' });
    expect(cl.tenant.currency).toBe('CLP');
    expect(Object.keys(cl.byCode).sort()).toEqual(['exento', 'iva19']);
    const uy = await company('pack-uy', { country: 'UY' });
    expect(uy.taxes.map((x) => [x.code, x.name, x.country])).toEqual([
      ['sin_impuesto', 'No tax', null],
    ]);
    await expect(
      company('pack-bad', { country: 'ES', taxCondition: 'monotributo' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it("checks the company's tax condition against its country's pack", async () => {
    const owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    const api = await as(owner);
    const url = `/api/v1/tenancy/tenants/${owner.tenantId}`;
    const ok = await api('PATCH', url, { taxCondition: 'monotributo' }, { 'if-match': '"1"' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ taxCondition: 'monotributo', version: 2 });
    const wrong = await api('PATCH', url, { taxCondition: 'persona_moral' }, { 'if-match': '"2"' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.issues).toEqual([
      expect.objectContaining({ path: 'taxCondition', code: 'invalid_tax_condition' }),
    ]);
    const shape = await api('PATCH', url, { taxCondition: 'Monotributo!' }, { 'if-match': '"2"' });
    expect(shape.status).toBe(400);
    // A new country re-checks the stored condition: Spain has none.
    const moved = await api(
      'PATCH',
      url,
      { country: 'ES', currency: 'EUR' },
      { 'if-match': '"2"' },
    );
    expect(moved.status).toBe(400);
    expect(moved.body.issues[0]).toMatchObject({ path: 'taxCondition' });
    const cleared = await api(
      'PATCH',
      url,
      { country: 'ES', currency: 'EUR', taxCondition: null },
      { 'if-match': '"2"' },
    );
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect(cleared.body).toMatchObject({ country: 'ES', taxCondition: null });
  });

  it("checks a party's tax condition against its tax country (else the company's) and the recargo flag", async () => {
    const owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    const api = await as(owner);
    const URL = '/api/v1/crm/parties';
    const ri = await api('POST', URL, {
      kind: 'organization',
      name: 'Mayorista Norte',
      taxCountry: 'AR',
      taxId: '30-71234567-1',
      taxCondition: 'responsable_inscripto',
    });
    expect(ri.status, JSON.stringify(ri.body)).toBe(201);
    expect(ri.body).toMatchObject({
      taxCondition: 'responsable_inscripto',
      recargoEquivalencia: false,
    });
    // No tax country: the company's (AR) rules.
    const cf = await api('POST', URL, {
      kind: 'person',
      name: 'Juan',
      taxCondition: 'consumidor_final',
    });
    expect(cf.status).toBe(201);
    const wrong = await api('POST', URL, {
      kind: 'person',
      name: 'X',
      taxCondition: 'persona_fisica',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.issues[0]).toMatchObject({
      path: 'taxCondition',
      code: 'invalid_tax_condition',
    });
    const mx = await api('POST', URL, {
      kind: 'person',
      name: 'Proveedora MX',
      taxCountry: 'MX',
      taxCondition: 'persona_fisica',
    });
    expect(mx.status, JSON.stringify(mx.body)).toBe(201);

    // The recargo de equivalencia: a Spanish party's, no one else's.
    const tienda = await api('POST', URL, {
      kind: 'organization',
      name: 'Tienda Madrid',
      taxCountry: 'ES',
      taxId: 'B-12345674',
      recargoEquivalencia: true,
    });
    expect(tienda.status, JSON.stringify(tienda.body)).toBe(201);
    expect(tienda.body).toMatchObject({ recargoEquivalencia: true, taxCondition: null });
    const noRegime = await api(
      'PATCH',
      `${URL}/${ri.body.id}`,
      { recargoEquivalencia: true },
      {
        'if-match': '"1"',
      },
    );
    expect(noRegime.status).toBe(400);
    expect(noRegime.body.issues[0]).toMatchObject({ path: 'recargoEquivalencia' });
    // Moving a party to another country re-checks its stored condition.
    const moved = await api(
      'PATCH',
      `${URL}/${ri.body.id}`,
      { taxCountry: 'CL', taxId: null },
      {
        'if-match': '"1"',
      },
    );
    expect(moved.status).toBe(400);
    const changed = await api(
      'PATCH',
      `${URL}/${ri.body.id}`,
      { taxCondition: 'monotributo' },
      { 'if-match': '"1"' },
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const listed = await api('GET', `${URL}?taxCondition=monotributo`);
    expect(listed.body.items.map((p: { name: string }) => p.name)).toEqual(['Mayorista Norte']);
  });
});
