import { pgConstraint, pgErrorCode } from '@nexo/platform';
import { useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, login, type TestAccount } from './helpers/accounts.js';
import { caller, seedMasters, type Caller, type Masters } from './helpers/catalog.js';
import { useTestApp } from './helpers/test-app.js';
import { installSampleTables, SampleDocumentModule } from './kit/sample-document.js';

const SAMPLES = '/api/v1/kit/samples';
type Doc = Record<string, unknown> & { id: string; version: number; lines: { id: string }[] };

/**
 * The commercial-document kit on its test document type (issue 25): totals kept from the
 * lines, the number taken on issue, immutability through the API and under it, and derived
 * lines that never take more than their source line, however many run at once.
 */
describe('document kit', () => {
  const db = useTestDatabase();
  const t = useTestApp(db, [SampleDocumentModule]);
  let admin: TestAccount;
  let api: Caller;
  let m: Masters;
  let perception: string;
  let party: string;

  beforeAll(async () => {
    await installSampleTables(db.current);
    admin = await createAccount(t.app, db.current, { roles: ['admin'] });
    api = caller(t.app, (await login(t.app, admin)).accessToken);
    m = await seedMasters(api);
    const iibb = await api('POST', '/api/v1/catalog/tax-rates', {
      code: 'iibb',
      name: 'Percepción IIBB',
      kind: 'perception',
      rate: '3',
      threshold: '1000',
    });
    perception = iibb.body.id as string;
    const created = await api('POST', '/api/v1/crm/parties', {
      kind: 'organization',
      name: 'Kiosco 9',
    });
    party = created.body.id as string;
  });

  const line = (over: object = {}) => ({
    description: 'Aceite de girasol 1,5 L',
    quantity: '3',
    unit: 'u',
    unitPrice: '1234.56',
    taxIds: [m.iva21],
    ...over,
  });
  const draft = async (lines: object[], over: object = {}): Promise<Doc> => {
    const res = await api('POST', SAMPLES, {
      partyId: party,
      currency: 'ARS',
      documentDate: '2026-12-07',
      lines,
      ...over,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Doc;
  };
  const act = (doc: { id: string; version: number }, action: string, body?: object) =>
    api('POST', `${SAMPLES}/${doc.id}/${action}`, body, { 'if-match': `"${doc.version}"` });

  it('keeps a draft’s totals from its lines, exact to the cent, as lines change', async () => {
    const doc = await draft(
      [
        line({ discountPercent: '10' }),
        line({ description: 'Yerba 1 kg', quantity: '2.5', unitPrice: '800', taxIds: [m.iva105] }),
        line({ description: 'Libro', quantity: '1', unitPrice: '150', taxIds: [m.exento] }),
      ],
      { discountPercent: '2.5', documentTaxIds: [perception] },
    );
    expect(doc).toMatchObject({
      state: 'draft',
      number: null,
      net: '5346.23',
      taxes: '1047.64',
      withheld: '0.00',
      rounding: '0.00',
      total: '6393.87',
    });
    expect(
      (doc.taxBreakdown as { code: string; base: string; amount: string }[]).map((b) => [
        b.code,
        b.base,
        b.amount,
      ]),
    ).toEqual([
      ['iva21', '3249.98', '682.50'],
      ['iva105', '1950.00', '204.75'],
      ['exento', '146.25', '0.00'],
      ['iibb', '5346.23', '160.39'],
    ]);
    expect(
      doc.lines.map((l) => [
        (l as Record<string, unknown>).net,
        (l as Record<string, unknown>).total,
      ]),
    ).toEqual([
      ['3249.98', '3932.48'],
      ['1950.00', '2154.75'],
      ['146.25', '146.25'],
    ]);
    const changed = await api(
      'PATCH',
      `${SAMPLES}/${doc.id}`,
      { lines: [line({ quantity: '1', unitPrice: '100' })] },
      { 'if-match': `"${doc.version}"` },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      net: '97.50',
      taxes: '20.48',
      total: '117.98',
      version: 2,
    });
    const discounted = await api(
      'PATCH',
      `${SAMPLES}/${doc.id}`,
      { discountPercent: '10' },
      { 'if-match': '"2"' },
    );
    expect(discounted.body).toMatchObject({ net: '90.00', total: '108.90', version: 3 });
    expect(discounted.body.lines[0]).toMatchObject({ net: '90.00', total: '108.90' });
    const reread = await api('GET', `${SAMPLES}/${doc.id}`);
    expect(reread.body.lines[0]).toMatchObject({
      net: '90.00',
      taxAmount: '18.90',
      total: '108.90',
    });
    const unknownTax = await api('POST', SAMPLES, {
      partyId: party,
      currency: 'ARS',
      documentDate: '2026-12-07',
      lines: [line({ taxIds: [newId()] })],
    });
    expect(unknownTax.status).toBe(422);
    expect(unknownTax.body.issues[0].path).toBe('lines.0.taxIds.0');
  });

  it('takes the next number of the gapless series when a document is issued, not before', async () => {
    const first = await draft([line()]);
    const second = await draft([line()]);
    const issuedSecond = await act(second, 'issue');
    expect(issuedSecond.status).toBe(200);
    const issuedFirst = await act(first, 'issue');
    expect([issuedSecond.body.number, issuedFirst.body.number]).toEqual(['S-000001', 'S-000002']);
    expect(issuedFirst.body).toMatchObject({ state: 'issued', issuedBy: admin.userId });
    const empty = await draft([]);
    const refused = await act(empty, 'issue');
    expect([refused.status, refused.body.code]).toEqual([422, 'document_empty']);
    const third = await act(await draft([line()]), 'issue');
    expect(third.body.number).toBe('S-000003');
    const again = await act(third.body as Doc, 'issue');
    expect([again.status, again.body.code]).toEqual([409, 'transition_not_allowed']);
  });

  it('refuses any change to an issued document through the API', async () => {
    const issued = (await act(await draft([line()]), 'issue')).body as Doc;
    const ifMatch = { 'if-match': `"${issued.version}"` };
    const patch = await api('PATCH', `${SAMPLES}/${issued.id}`, { notes: 'x' }, ifMatch);
    expect([patch.status, patch.body.code]).toEqual([409, 'document_issued']);
    expect(patch.body.detail ?? patch.body.title).toBeTruthy();
    const remove = await api('DELETE', `${SAMPLES}/${issued.id}`, undefined, ifMatch);
    expect([remove.status, remove.body.code]).toEqual([409, 'document_issued']);
    const derive = await act(issued, 'derive', {
      lines: [{ sourceLineId: issued.lines[0]?.id, quantity: '1' }],
    });
    expect([derive.status, derive.body.code]).toEqual([409, 'document_issued']);
    const cancelled = await act(issued, 'cancel');
    expect(cancelled.body).toMatchObject({
      state: 'cancelled',
      total: issued.total,
      number: issued.number,
    });
  });

  it('has the database refuse an UPDATE of an issued document as the app role', async () => {
    const issued = (await act(await draft([line()]), 'issue')).body as Doc;
    const lineId = issued.lines[0]?.id as string;
    const asApp = (statement: ReturnType<typeof sql>) =>
      db.current.database
        .withContext({ tenantId: admin.tenantId }, (tx) => tx.execute(statement))
        .then(
          () => undefined,
          (e: unknown) => e,
        );
    const refusals = [
      await asApp(
        sql`update kit_sample.sample_documents set total = 0, net = 0 where id = ${issued.id}`,
      ),
      await asApp(
        sql`update kit_sample.sample_documents set notes = 'edited' where id = ${issued.id}`,
      ),
      await asApp(sql`delete from kit_sample.sample_documents where id = ${issued.id}`),
      await asApp(
        sql`update kit_sample.sample_document_lines set unit_price = 1 where id = ${lineId}`,
      ),
      await asApp(sql`delete from kit_sample.sample_document_lines where id = ${lineId}`),
      await asApp(sql`insert into kit_sample.sample_document_lines
        (tenant_id, id, document_id, position, description, quantity, unit, unit_price)
        values (${admin.tenantId}, ${newId()}, ${issued.id}, 9, 'extra', 1, 'u', 1)`),
    ];
    for (const error of refusals) {
      expect(pgErrorCode(error)).toBe('23514');
      expect(pgConstraint(error)).toBe('document_issued');
    }
    expect(
      await asApp(
        sql`update kit_sample.sample_documents set state = 'cancelled' where id = ${issued.id}`,
      ),
    ).toBeUndefined();
    const reread = await api('GET', `${SAMPLES}/${issued.id}`);
    expect(reread.body).toMatchObject({ total: issued.total, state: 'cancelled' });
    expect(reread.body.lines[0]).toMatchObject({ unitPrice: '1234.56' });
  });

  it('never lets 20 concurrent derivations take more than the source line has', async () => {
    const source = (await act(await draft([line({ quantity: '10' })]), 'issue')).body as Doc;
    const sourceLine = source.lines[0]?.id as string;
    const targets = await Promise.all(Array.from({ length: 20 }, () => draft([])));
    const answers = await Promise.all(
      targets.map((target) =>
        act(target, 'derive', { lines: [{ sourceLineId: sourceLine, quantity: '0.75' }] }),
      ),
    );
    const taken = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    expect(taken).toHaveLength(13);
    expect(refused.map((a): unknown[] => [a.status, a.body.code])).toEqual(
      Array.from({ length: 7 }, () => [409, 'quantity_exceeded']),
    );
    const progress = await api('GET', `${SAMPLES}/${source.id}/progress`);
    expect(progress.body).toEqual([
      { lineId: sourceLine, quantity: '10', done: '9.75', remaining: '0.25' },
    ]);
    // A derived line copies its source's price and taxes; its draft's totals follow.
    expect(taken[0]?.body.lines[0]).toMatchObject({
      quantity: '0.75',
      unitPrice: '1234.56',
      sourceLineId: sourceLine,
    });
    expect(taken[0]?.body.total).toBe('1120.36');
    // Deleting a derived draft gives its quantity back.
    const given = taken[0]?.body as Doc;
    const removed = await api('DELETE', `${SAMPLES}/${given.id}`, undefined, {
      'if-match': `"${given.version}"`,
    });
    expect(removed.status).toBe(204);
    const after = await api('GET', `${SAMPLES}/${source.id}/progress`);
    expect(after.body[0]).toMatchObject({ done: '9', remaining: '1' });
    const tooMuch = await act(targets[19] as Doc, 'derive', {
      lines: [{ sourceLineId: sourceLine, quantity: '1.5' }],
    });
    expect([tooMuch.status, tooMuch.body.code]).toEqual([409, 'quantity_exceeded']);
  });

  it('takes the company’s rate on the document’s date, or asks for one', async () => {
    const none = await api('POST', SAMPLES, {
      partyId: party,
      currency: 'USD',
      documentDate: '2026-12-07',
      lines: [line()],
    });
    expect([none.status, none.body.issues?.[0]?.path]).toEqual([400, 'exchangeRate']);
    for (const [date, rate] of [
      ['2026-12-01', '1010.5'],
      ['2026-12-05', '1020.25'],
      ['2026-12-09', '1100'],
    ])
      await api('POST', '/api/v1/tenancy/exchange-rates', { currency: 'USD', date, rate });
    const usd = await draft([line()], { currency: 'USD' });
    expect(usd.exchangeRate).toBe('1020.25');
    const given = await draft([line()], { currency: 'USD', exchangeRate: '999.5' });
    expect(given.exchangeRate).toBe('999.5');
    const moved = await api(
      'PATCH',
      `${SAMPLES}/${usd.id}`,
      { documentDate: '2026-12-10' },
      { 'if-match': `"${usd.version}"` },
    );
    expect(moved.body.exchangeRate).toBe('1100');
    expect((await draft([line()])).exchangeRate).toBe('1');
  });

  it('lists documents with their totals and exports them as CSV', async () => {
    const issued = (await act(await draft([line({ quantity: '2', unitPrice: '10' })]), 'issue'))
      .body as Doc;
    const page = await api('GET', `${SAMPLES}?state=issued&sort=-total&limit=100`);
    expect(page.status).toBe(200);
    const row = (page.body.items as Doc[]).find((d) => d.id === issued.id);
    expect(row).toMatchObject({
      number: issued.number,
      state: 'issued',
      total: '24.20',
      currency: 'ARS',
    });
    expect(row).not.toHaveProperty('lines');
    expect((page.body.items as Doc[]).every((d) => d.state === 'issued')).toBe(true);
    const csv = await api('GET', `${SAMPLES}/export.csv?state=issued`);
    expect(csv.status).toBe(200);
    const text = csv.raw.toString('utf8');
    expect(text.split('\n')[0]).toContain('number');
    expect(text).toContain(`${issued.number as string}`);
    expect(text).toContain('24.20');
  });

  it('answers for another company’s document as for none', async () => {
    const doc = await draft([line()]);
    const other = await createAccount(t.app, db.current, { roles: ['admin'] });
    const theirs = caller(t.app, (await login(t.app, other)).accessToken);
    expect((await theirs('GET', `${SAMPLES}/${doc.id}`)).status).toBe(404);
    const issue = await theirs('POST', `${SAMPLES}/${doc.id}/issue`, undefined, {
      'if-match': '"1"',
    });
    expect(issue.status).toBe(404);
  });
});
