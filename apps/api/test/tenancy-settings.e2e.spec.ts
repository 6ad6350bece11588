import { adminClient, useTestDatabase } from '@nexo/testing';
import { describe, expect, it } from 'vitest';
import { createAccount, login, type TestAccount } from './helpers/accounts.js';
import { caller } from './helpers/catalog.js';
import { useTestApp } from './helpers/test-app.js';

/** The company's settings: `PATCH /api/v1/tenancy/tenants/:id` with If-Match, audited. */
describe('company settings', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);

  const as = async (account: TestAccount) =>
    caller(t.app, (await login(t.app, account, account.tenantId)).accessToken);
  const url = (account: TestAccount) => `/api/v1/tenancy/tenants/${account.tenantId}`;

  it('changes the settings at the version read, answers the new ETag, and logs the change', async () => {
    const owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    const api = await as(owner);
    const read = await api('GET', url(owner));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ currency: 'ARS', currencies: [], version: 1 });
    expect(read.headers.etag).toBe('"1"');

    const res = await api(
      'PATCH',
      url(owner),
      {
        name: 'Distribuidora Renombrada',
        legalName: 'Distribuidora Renombrada S.A.',
        taxId: '30-71234567-1',
        currencies: ['USD', 'EUR', 'ARS'],
        locale: 'en',
        timezone: 'America/Montevideo',
        requireMfaEmployees: false,
      },
      { 'if-match': read.headers.etag as string },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // Tax id stored normalised; the base currency is not repeated among the others.
    expect(res.body).toMatchObject({
      name: 'Distribuidora Renombrada',
      taxId: '30712345671',
      currencies: ['USD', 'EUR'],
      locale: 'en',
      timezone: 'America/Montevideo',
      version: 2,
    });
    expect(res.headers.etag).toBe('"2"');
    expect((await api('GET', url(owner))).body).toMatchObject({ name: 'Distribuidora Renombrada' });

    const audit = await adminClient(db.current);
    const { rows } = await audit.query<{ action: string; before: object; after: object }>(
      `select action, before, after from audit.audit_log
        where tenant_id = $1 and resource = 'tenancy.tenant' and resource_id = $1::text`,
      [owner.tenantId],
    );
    await audit.end();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'update',
      before: { name: 'Empresa de prueba', currencies: [], taxId: null },
      after: { name: 'Distribuidora Renombrada', currencies: ['USD', 'EUR'], taxId: '30712345671' },
    });
  });

  it('answers 428 without If-Match and 412 on a stale one, changing nothing', async () => {
    const owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    const api = await as(owner);
    const missing = await api('PATCH', url(owner), { name: 'Sin versión' });
    expect(missing.status).toBe(428);
    expect(missing.body).toMatchObject({ code: 'precondition_required' });
    expect(
      (await api('PATCH', url(owner), { name: 'Primera' }, { 'if-match': '"1"' })).status,
    ).toBe(200);
    const stale = await api('PATCH', url(owner), { name: 'Tarde' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'precondition_failed' });
    expect((await api('GET', url(owner))).body).toMatchObject({ name: 'Primera', version: 2 });
  });

  it('checks the tax id for the company’s country, and the time zone and currencies', async () => {
    const owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    const api = await as(owner);
    const send = (body: object) => api('PATCH', url(owner), body, { 'if-match': '"1"' });
    const badCheckDigit = await send({ taxId: '30-71234567-2' });
    expect(badCheckDigit.status).toBe(400);
    expect(badCheckDigit.body).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'taxId', code: 'invalid_tax_id', message: 'Wrong CUIT check digit' }],
    });
    // A valid CUIT is no Spanish NIF: the country sent decides.
    const wrongCountry = await send({ country: 'ES', taxId: '30712345671' });
    expect(wrongCountry.status).toBe(400);
    expect(wrongCountry.body).toMatchObject({
      issues: [{ path: 'taxId', code: 'invalid_tax_id' }],
    });
    const zone = await send({ timezone: 'America/Atlantis' });
    expect(zone.status).toBe(400);
    expect(zone.body).toMatchObject({ code: 'validation_failed', issues: [{ path: 'timezone' }] });
    const currencies = await send({ currencies: ['USD', 'USD'] });
    expect(currencies.status).toBe(400);
    expect((await send({ country: 'ES', taxId: '12345678Z' })).body).toMatchObject({
      country: 'ES',
      taxId: '12345678Z',
      version: 2,
    });
  });

  it('lets admins change the settings, judges only changed fields, and refuses sales', async () => {
    const owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    const admin = await createAccount(t.app, db.current, {
      tenantId: owner.tenantId,
      roles: ['admin'],
    });
    const clerk = await createAccount(t.app, db.current, {
      tenantId: owner.tenantId,
      roles: ['sales'],
    });
    const sales = await createAccount(t.app, db.current, {
      tenantId: owner.tenantId,
      roles: ['sales'],
    });
    const byAdmin = await as(admin);
    const renamed = await byAdmin(
      'PATCH',
      url(owner),
      { name: 'Por el admin', taxId: '20-12345678-6', timezone: 'America/Cordoba' },
      { 'if-match': '"1"' },
    );
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body).toMatchObject({ taxId: '20123456786', timezone: 'America/Cordoba' });

    // A role of the company's own that may set the name and currencies only.
    const byOwner = await as(owner);
    const role = await byOwner('POST', '/api/v1/permissions/roles', {
      key: 'ajustes',
      name: 'Ajustes',
      rules: [
        { action: 'read', subject: 'tenancy.tenant' },
        { action: 'update', subject: 'tenancy.tenant', fields: ['name', 'currencies'] },
      ],
    });
    expect(role.status, JSON.stringify(role.body)).toBe(201);
    const assigned = await byOwner(
      'PUT',
      `/api/v1/permissions/memberships/${clerk.membershipId}/roles`,
      { roles: ['ajustes'] },
    );
    expect(assigned.status).toBe(200);
    const byClerk = await as(clerk);
    // Unchanged fields are not judged: a form sends them all.
    const allowed = await byClerk(
      'PATCH',
      url(owner),
      {
        name: 'Por ajustes',
        currencies: ['USD'],
        taxId: '20123456786',
        requireMfaEmployees: false,
      },
      { 'if-match': '"2"' },
    );
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);
    const refused = await byClerk(
      'PATCH',
      url(owner),
      { requireMfaEmployees: true },
      { 'if-match': '"3"' },
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      issues: [{ path: 'require_mfa_employees', code: 'forbidden_field' }],
    });

    const bySales = await as(sales);
    expect((await bySales('GET', url(owner))).status).toBe(200);
    const denied = await bySales('PATCH', url(owner), { name: 'Ventas' }, { 'if-match': '"3"' });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: 'forbidden' });
    expect((await bySales('GET', url(owner))).body).toMatchObject({
      name: 'Por ajustes',
      version: 3,
    });
  });

  it('answers 404 for another company, even one the person belongs to', async () => {
    const owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    const other = await createAccount(t.app, db.current, { roles: ['owner'], email: owner.email });
    const api = await as(owner);
    const res = await api('PATCH', url(other), { name: 'Ajena' }, { 'if-match': '"1"' });
    expect(res.status).toBe(404);
    expect((await api('GET', url(other))).status).toBe(404);
    const theirs = await (await as(other))('GET', url(other));
    expect(theirs.body).toMatchObject({ name: 'Empresa de prueba', version: 1 });
  });
});
