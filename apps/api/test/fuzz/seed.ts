import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { jobRuns } from '@nexo/jobs/tables';
import type { TestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { createAccount, login, type TestAccount, type Tokens } from '../helpers/accounts.js';
import { caller, tinyPng } from '../helpers/catalog.js';

export interface SeededCompany {
  label: 'A' | 'B';
  admin: TestAccount;
  /** A second member (sales), so member-taking routes have someone besides the admin. */
  member: TestAccount;
  tokens: Tokens;
}

/**
 * A company with an admin signed in and a few records of every kind, made through the API
 * itself (as a user would), so that every table the routes write has rows to point at.
 */
export async function seedCompany(
  app: NestFastifyApplication,
  db: TestDatabase,
  label: 'A' | 'B',
  idp: { issuer: string; clientId: string; clientSecret: string },
): Promise<SeededCompany> {
  const admin = await createAccount(app, db, { roles: ['admin'] });
  const member = await createAccount(app, db, { tenantId: admin.tenantId, roles: ['sales'] });
  // The member's session exists too: session routes then have one that is not the caller's.
  await login(app, member);
  const tokens = await login(app, admin);
  const api = caller(app, tokens.accessToken);
  const make = async (url: string, body: object): Promise<Record<string, unknown>> => {
    const res = await api(
      'POST',
      url,
      body,
      body instanceof Buffer ? { 'content-type': 'image/png' } : {},
    );
    if (res.status !== 201)
      throw new Error(`seed ${label}: ${url} ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };
  const id = async (url: string, body: object): Promise<string> =>
    (await make(url, body)).id as string;
  const of = `de ${label}`;

  await make('/api/v1/auth/invitations', { email: `inv-${label}@example.test`, actor: 'employee' });
  await make('/api/v1/auth/api-clients', { name: `Cliente ${of}` });
  // A provider that answers (the test's own, on loopback: the app allows private issuers).
  await make('/api/v1/auth/oidc-providers', {
    name: `IdP ${of}`,
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
  });
  await make('/api/v1/permissions/roles', {
    key: `rol-${label.toLowerCase()}`,
    name: `Rol ${of}`,
    rules: [{ action: 'read', subject: 'crm.party' }],
  });
  await make('/api/v1/tenancy/number-series', {
    documentType: 'invoice',
    series: label,
    prefix: `F${label}-`,
  });
  for (const number of [1, 2])
    await make('/api/v1/tenancy/points-of-sale', { number, name: `Punto ${number} ${of}` });
  await make('/api/v1/custom-fields', {
    resource: 'crm.party',
    key: `rubro_${label.toLowerCase()}`,
    label: `Rubro ${of}`,
    type: 'text',
  });

  // CRM
  const pipeline = await make('/api/v1/crm/pipelines', {
    name: `Embudo ${of}`,
    isDefault: true,
    stages: [
      { name: 'Nueva', probability: 10 },
      { name: 'Ganada', probability: 100, isWon: true },
      { name: 'Perdida', probability: 0, isLost: true },
    ],
  });
  const party = await id('/api/v1/crm/parties', {
    kind: 'organization',
    name: `Distribuidora ${of}`,
    contacts: [{ name: `Contacto ${of}` }],
    addresses: [{ kind: 'billing', line1: 'Calle 1', city: 'Rosario', country: 'AR' }],
  });
  const person = await id('/api/v1/crm/parties', { kind: 'person', name: `Persona ${of}` });
  await id(`/api/v1/crm/parties/${party}/contacts`, { name: `Otro contacto ${of}` });
  await id(`/api/v1/crm/parties/${person}/addresses`, {
    kind: 'shipping',
    line1: 'Depósito',
    city: 'Rosario',
    country: 'AR',
  });
  await id('/api/v1/crm/leads', { name: `Lead ${of}` });
  await id('/api/v1/crm/leads', { name: `Otro lead ${of}` });
  await id('/api/v1/crm/opportunities', {
    title: `Oportunidad ${of}`,
    partyId: party,
    pipelineId: pipeline.id,
    currency: 'ARS',
    amount: '1000',
  });
  await id('/api/v1/crm/activities', { kind: 'task', subject: `Tarea ${of}`, partyId: party });
  const team = await id('/api/v1/crm/teams', { name: `Equipo ${of}` });
  const members = await api('PUT', `/api/v1/crm/teams/${team}/members`, {
    membershipIds: [admin.membershipId, member.membershipId],
  });
  if (members.status !== 200) throw new Error(`seed ${label}: team members ${members.status}`);

  // Catalog
  const unit = await id('/api/v1/catalog/units', { code: 'u', name: 'Unidad' });
  await id('/api/v1/catalog/units', { code: 'kg', name: 'Kilogramo' });
  await id('/api/v1/catalog/tax-rates', { code: 'iva21', name: 'IVA 21', kind: 'vat', rate: '21' });
  const category = await id('/api/v1/catalog/categories', { name: `Categoría ${of}` });
  const item = await id('/api/v1/catalog/items', {
    kind: 'stockable',
    name: `Artículo ${of}`,
    sku: `${label}-1`,
    unitId: unit,
    categoryId: category,
    cost: '10',
    listPrice: '20',
    variantAttributes: ['color'],
  });
  await id(`/api/v1/catalog/items/${item}/variants`, {
    sku: `${label}-1-R`,
    attributes: { color: 'rojo' },
  });
  await id(`/api/v1/catalog/items/${item}/images`, tinyPng());
  const priceList = await id('/api/v1/catalog/price-lists', {
    name: `Lista ${of}`,
    currency: 'ARS',
  });
  await id(`/api/v1/catalog/price-lists/${priceList}/rules`, {
    itemId: item,
    kind: 'fixed',
    price: '15',
  });

  // A job run, as enqueuing leaves one (no route creates one directly).
  await db.database.withContext({ tenantId: admin.tenantId }, (tx) =>
    tx.insert(jobRuns).values({
      tenantId: admin.tenantId,
      id: newId(),
      name: 'test.rows.import',
      createdBy: admin.userId,
    }),
  );
  return { label, admin, member, tokens };
}
