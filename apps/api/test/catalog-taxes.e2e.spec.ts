import { adminClient, useTestDatabase } from '@nexo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, login } from './helpers/accounts.js';
import { caller, type Caller } from './helpers/catalog.js';
import { useTestApp } from './helpers/test-app.js';

const TAXES = '/api/v1/catalog/tax-rates';
const issuePaths = (body: unknown): string[] =>
  ((body as { issues?: { path: string }[] }).issues ?? []).map((i) => i.path).sort();

/** The tax model of erp.md §2 through the API, and the database's own checks under it. */
describe('catalog taxes', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);
  let api: Caller;
  let tenantId: string;

  beforeAll(async () => {
    const admin = await createAccount(t.app, db.current, { roles: ['admin'] });
    tenantId = admin.tenantId;
    api = caller(t.app, (await login(t.app, admin)).accessToken);
  });

  it('keeps each kind of tax with the fields it needs', async () => {
    const perception = await api('POST', TAXES, {
      code: 'perc-iibb',
      name: 'Percepción IIBB CABA',
      kind: 'perception',
      rate: '3.5',
      country: 'AR',
      threshold: '10000',
      minimumTax: '50',
    });
    expect(perception.status).toBe(201);
    expect(perception.body).toMatchObject({
      kind: 'perception',
      computation: 'percent',
      rate: '3.5',
      amount: null,
      includedInPrice: false,
      country: 'AR',
      threshold: '10000',
      minimumTax: '50',
      currency: 'ARS',
    });
    const excise = await api('POST', TAXES, {
      code: 'int-cig',
      name: 'Impuesto interno',
      kind: 'excise',
      computation: 'fixed',
      amount: '12.345678',
    });
    expect(excise.body).toMatchObject({ computation: 'fixed', rate: '0', amount: '12.345678' });
    const included = await api('POST', TAXES, {
      code: 'iva21-inc',
      name: 'IVA 21 % incluido',
      kind: 'vat',
      rate: '21',
      includedInPrice: true,
    });
    expect(included.body).toMatchObject({ rate: '21', includedInPrice: true });
  });

  it('refuses inconsistent taxes field by field, on create and on a partial update', async () => {
    const bad = await api('POST', TAXES, {
      code: 'mal',
      name: 'Mal',
      kind: 'withholding',
      computation: 'fixed',
      rate: '15',
      includedInPrice: true,
    });
    expect(bad.status).toBe(400);
    expect(issuePaths(bad.body)).toEqual(['amount', 'computation', 'includedInPrice', 'rate']);
    const tooPrecise = await api('POST', TAXES, {
      code: 'preciso',
      name: 'Preciso',
      kind: 'vat',
      rate: '10.1234567',
    });
    expect(issuePaths(tooPrecise.body)).toEqual(['rate']);
    const vat = await api('POST', TAXES, {
      code: 'iva27',
      name: 'IVA 27 %',
      kind: 'vat',
      rate: '27',
    });
    const threshold = await api(
      'PATCH',
      `${TAXES}/${vat.body.id}`,
      { threshold: '100' },
      { 'if-match': '"1"' },
    );
    expect(threshold.status).toBe(400);
    expect(issuePaths(threshold.body)).toEqual(['threshold']);
    const nowWithholding = await api(
      'PATCH',
      `${TAXES}/${vat.body.id}`,
      { kind: 'withholding', threshold: '100' },
      { 'if-match': '"1"' },
    );
    expect(nowWithholding.status).toBe(200);
    expect(nowWithholding.body).toMatchObject({ kind: 'withholding', threshold: '100' });
  });

  it('has the database refuse what the service would, whatever writes it', async () => {
    const client = await adminClient(db.current);
    try {
      const insert = (columns: string, values: string) =>
        client.query(
          `insert into catalog.tax_rates (tenant_id, id, code, name, kind, rate, ${columns})
           values ($1, gen_random_uuid(), 'x' || floor(random() * 1e9)::text, 'X', ${values})`,
          [tenantId],
        );
      await expect(insert('included_in_price', `'perception', 1, true`)).rejects.toThrow(
        /tax_rates_document_level_check/,
      );
      await expect(insert('computation', `'vat', 21, 'fixed'`)).rejects.toThrow(
        /tax_rates_computation_check/,
      );
      await expect(insert('threshold', `'vat', 21, 5`)).rejects.toThrow(
        /tax_rates_document_level_check/,
      );
      await expect(insert('country', `'vat', 21, 'ar'`)).rejects.toThrow(/tax_rates_country_check/);
    } finally {
      await client.end();
    }
  });
});
