import { useTestDatabase } from '@nexo/testing';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, login } from './helpers/accounts.js';
import { caller, tinyPng, type Caller } from './helpers/catalog.js';
import { SmtpCapture } from './helpers/smtp-capture.js';
import { buildTestApp, type TestApp } from './helpers/test-app.js';
import { installSampleTables, SampleDocumentModule } from './kit/sample-document.js';

const SAMPLES = '/api/v1/kit/samples';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), {
    mergePages: true,
  });
  return text.replace(/\s+/g, ' ');
}

/**
 * The test document type printed and emailed through the kit (issue 25 items 7–8): its PDF,
 * read back, shows the figures the kit computed for an Argentine factura A and a Spanish
 * invoice with recargo, in Spanish and English; sent by real SMTP with the PDF attached and
 * logged on the party's timeline.
 */
describe('document kit: PDF and email', () => {
  const db = useTestDatabase();
  const smtp = new SmtpCapture();
  let t: TestApp;
  let api: Caller;
  let party: string;
  let tenantId: string;
  const tax = async (body: object) => {
    const res = await api('POST', '/api/v1/catalog/tax-rates', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await buildTestApp(db.current, [SampleDocumentModule], {
      NEXO_SMTP_URL: await smtp.start(),
    });
    await installSampleTables(db.current);
    const admin = await createAccount(t.app, db.current, { roles: ['owner'] });
    tenantId = admin.tenantId;
    api = caller(t.app, (await login(t.app, admin)).accessToken);
    const renamed = await api(
      'PATCH',
      `/api/v1/tenancy/tenants/${admin.tenantId}`,
      { name: 'Distribuidora Sur', legalName: 'Distribuidora Sur S.A.', taxId: '30-71234567-1' },
      { 'if-match': '"1"' },
    );
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const rate = await api('POST', '/api/v1/tenancy/exchange-rates', {
      currency: 'EUR',
      date: '2026-12-01',
      rate: '1480.25',
    });
    expect(rate.status, JSON.stringify(rate.body)).toBe(201);
    const created = await api('POST', '/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Almacén Don Pepe',
      email: 'compras@donpepe.test',
    });
    party = created.body.id as string;
  });
  afterAll(async () => {
    await t.app.close();
    await smtp.stop();
  });

  const issued = async (body: object) => {
    const draft = await api('POST', SAMPLES, {
      partyId: party,
      documentDate: '2026-12-07',
      ...body,
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const res = await api('POST', `${SAMPLES}/${draft.body.id}/issue`, undefined, {
      'if-match': `"${draft.body.version}"`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { id: string; number: string; total: string; dueDate: string };
  };
  const pdf = async (id: string) => {
    const res = await api('GET', `${SAMPLES}/${id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return pdfText(res.raw);
  };

  it('prints an Argentine factura A with its tax breakdown, total in words and terms', async () => {
    const iva21 = await tax({ code: 'iva21', name: 'IVA 21%', kind: 'vat', rate: '21' });
    const iva105 = await tax({ code: 'iva105', name: 'IVA 10,5%', kind: 'vat', rate: '10.5' });
    const iibb = await tax({
      code: 'iibb',
      name: 'Percepción IIBB',
      kind: 'perception',
      rate: '3',
      threshold: '1000',
    });
    const body = {
      currency: 'ARS',
      letter: 'A',
      discountPercent: '2.5',
      documentTaxIds: [iibb],
      paymentTerms: {
        kind: 'installments',
        installments: [
          { days: 30, percent: '50' },
          { days: 60, percent: '50' },
        ],
      },
      lines: [
        {
          description: 'Aceite 1,5 L',
          quantity: '3',
          unit: 'u',
          unitPrice: '1234.56',
          discountPercent: '10',
          taxIds: [iva21],
        },
        {
          description: 'Yerba 1 kg',
          quantity: '2.5',
          unit: 'kg',
          unitPrice: '800',
          taxIds: [iva105],
        },
      ],
    };
    const es = await issued({ ...body, language: 'es' });
    // 5199.98 net; IVA 682.50 + 204.75; IIBB 3 % of the net 155.9994 → 156.00
    expect(es).toMatchObject({ total: '6243.23', dueDate: '2027-02-05' });
    const text = await pdf(es.id);
    for (const expected of [
      'Factura',
      'Cód. 01',
      es.number,
      'Distribuidora Sur S.A.',
      '30712345671',
      'Almacén Don Pepe',
      'IVA 21%',
      '3.249,98',
      '682,50',
      'IVA 10,5%',
      '1.950,00',
      '204,75',
      'Percepción IIBB',
      '5.199,98',
      '156,00',
      '6.243,23',
      'SON PESOS SEIS MIL DOSCIENTOS CUARENTA Y TRES CON 23/100',
      '3.121,62',
      '3.121,61',
    ])
      expect(text).toContain(expected);
    const en = await issued({ ...body, language: 'en' });
    const english = await pdf(en.id);
    for (const expected of [
      'Invoice',
      'VAT registered',
      '3,249.98',
      '682.50',
      '6,243.23',
      'Page 1 of 1',
    ])
      expect(english).toContain(expected);
  });

  it('prints a Spanish invoice with recargo de equivalencia, in English and Spanish', async () => {
    const iva = await tax({
      code: 'es-iva21',
      name: 'IVA 21%',
      kind: 'vat',
      rate: '21',
      country: 'ES',
    });
    const re = await tax({
      code: 'es-re52',
      name: 'Recargo de equivalencia 5,2%',
      kind: 'other',
      rate: '5.2',
      country: 'ES',
    });
    const body = {
      currency: 'EUR',
      lines: [
        {
          description: 'Detergente 5 L',
          quantity: '4',
          unit: 'u',
          unitPrice: '25',
          taxIds: [iva, re],
        },
        {
          description: 'Lejía 2 L',
          quantity: '7',
          unit: 'u',
          unitPrice: '1.35',
          taxIds: [iva, re],
        },
      ],
    };
    // 100 + 9.45 = 109.45; IVA 21 + 1.98 = 22.98; RE 5.20 + 0.49 = 5.69; total 138.12
    const en = await issued({ ...body, language: 'en' });
    expect(en).toMatchObject({ total: '138.12', exchangeRate: '1480.25' });
    const english = await pdf(en.id);
    for (const expected of [
      'Invoice',
      '109.45',
      'IVA 21%',
      '22.98',
      'Recargo de equivalencia 5,2%',
      '5.69',
      '138.12',
    ])
      expect(english).toContain(expected);
    const es = await issued({ ...body, language: 'es' });
    const spanish = await pdf(es.id);
    for (const expected of ['Factura', '109,45', '22,98', '5,69', '138,12', 'Página 1 de 1'])
      expect(spanish).toContain(expected);
  });

  it('prints the company’s logo once it has one', async () => {
    const iva = await tax({ code: 'iva21-logo', name: 'IVA 21%', kind: 'vat', rate: '21' });
    const body = {
      currency: 'ARS',
      language: 'es',
      lines: [{ description: 'Caja', quantity: '1', unit: 'u', unitPrice: '10', taxIds: [iva] }],
    };
    const images = async (id: string) =>
      (await api('GET', `${SAMPLES}/${id}/pdf`)).raw.toString('latin1').match(/\/Subtype \/Image/g)
        ?.length ?? 0;
    const before = await issued(body);
    expect(await images(before.id)).toBe(0);
    const stored = await api('PUT', `/api/v1/tenancy/tenants/${tenantId}/logo`, tinyPng(), {
      'content-type': 'image/png',
    });
    expect(stored.status).toBe(204);
    const after = await issued(body);
    expect(await images(after.id)).toBe(1);
  });

  it('prints in the party’s language unless the document says otherwise', async () => {
    const english = await api('POST', '/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Harbour Supplies Ltd',
      language: 'en',
    });
    expect(english.body.language).toBe('en');
    const line = { description: 'Cable', quantity: '1', unit: 'u', unitPrice: '10', taxIds: [] };
    const theirs = await api('POST', SAMPLES, {
      partyId: english.body.id,
      currency: 'ARS',
      documentDate: '2026-12-07',
      lines: [line],
    });
    expect(theirs.body.language).toBe('en');
    const chosen = await api('POST', SAMPLES, {
      partyId: english.body.id,
      currency: 'ARS',
      documentDate: '2026-12-07',
      language: 'es',
      lines: [line],
    });
    expect(chosen.body.language).toBe('es');
    const ours = await api('POST', SAMPLES, {
      partyId: party,
      currency: 'ARS',
      documentDate: '2026-12-07',
      lines: [line],
    });
    expect(ours.body.language).toBe('es');
  });

  it('emails the PDF to the party by real SMTP and shows it on the party’s timeline', async () => {
    const iva = await tax({ code: 'iva27', name: 'IVA 27%', kind: 'vat', rate: '27' });
    const doc = await issued({
      currency: 'ARS',
      language: 'es',
      lines: [
        {
          description: 'Servicio técnico',
          quantity: '1',
          unit: 'h',
          unitPrice: '1000',
          taxIds: [iva],
        },
      ],
    });
    const sent = await api('POST', `${SAMPLES}/${doc.id}/send`, {
      message: 'Gracias por su compra.',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    const mail = smtp.messages.at(-1);
    expect(mail?.to).toEqual(['compras@donpepe.test']);
    expect(mail?.subject).toBe(`Factura ${doc.number} de Distribuidora Sur`);
    expect(mail?.raw).toMatch(/Content-Type: application\/pdf/i);
    const base64 =
      /Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*?\r?\n([A-Za-z0-9+/=\r\n]+)/i.exec(
        (mail?.raw ?? '').slice((mail?.raw ?? '').search(/application\/pdf/i)),
      )?.[1];
    const attached = await pdfText(Buffer.from((base64 ?? '').replace(/\s+/g, ''), 'base64'));
    expect(attached).toContain('1.270,00');
    const draft = await api('POST', SAMPLES, {
      partyId: party,
      currency: 'ARS',
      documentDate: '2026-12-07',
      lines: [],
    });
    const notIssued = await api('POST', `${SAMPLES}/${draft.body.id}/send`, {});
    expect([notIssued.status, notIssued.body.code]).toEqual([409, 'transition_not_allowed']);
    let types: string[] = [];
    for (let i = 0; i < 50 && !types.includes('documents.document.sent'); i++) {
      await sleep(100);
      const feed = await api('GET', `/api/v1/crm/parties/${party}/timeline`);
      types = (feed.body as { type: string }[]).map((e) => e.type);
    }
    expect(types).toContain('documents.document.sent');
  });
});
