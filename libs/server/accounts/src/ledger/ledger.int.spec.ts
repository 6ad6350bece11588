import { DomainError } from '@nexo/platform';
import { adminClient, useTestDatabase } from '@nexo/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { booksCompany } from '../testing/books.fixture.js';

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'committed',
    (e: unknown) => (e instanceof DomainError ? e.code : e),
  );

/** The posting service on a real PostgreSQL: numbers, rules, reversal, chain, summaries. */
describe('the ledger', () => {
  const db = useTestDatabase();

  it('opens the books from the country template and posts by purpose', async () => {
    const c = await booksCompany(db.current.database);
    const customer = await c.party();
    const entry = await c.request(() =>
      c.ledger.post({
        journal: 'sales',
        date: '2026-03-10',
        description: 'Factura A 0001-00000001',
        sourceType: 'sales.invoice',
        lines: [
          { purpose: 'receivable', partyId: customer, debit: '1210', dueDate: '2026-04-09' },
          { purpose: 'sales', credit: '1000' },
          { purpose: 'tax_output', credit: '210' },
        ],
      }),
    );
    expect(entry).toMatchObject({ state: 'posted', number: 'VEN-2026-000001' });
    const second = await c.request(() =>
      c.ledger.post({
        journal: 'sales',
        date: '2026-03-11',
        lines: [
          { purpose: 'receivable', partyId: customer, debit: '100' },
          { purpose: 'sales', credit: '100' },
        ],
      }),
    );
    expect(second.number).toBe('VEN-2026-000002');
    const balances = await c.rows<{ account_id: string; debit: string; credit: string }>(sql`
      select account_id, trim_scale(sum(debit))::text as debit, trim_scale(sum(credit))::text as credit
        from accounts.account_balances group by account_id`);
    const receivable = await c.ruleAccount('receivable');
    expect(balances.find((b) => b.account_id === receivable)).toMatchObject({
      debit: '1310',
      credit: '0',
    });
    const items = await c.rows<{ side: string; residual: string; due_date: string }>(sql`
      select side, trim_scale(residual)::text as residual, due_date::text from accounts.open_items
       where party_id = ${customer} order by document_date`);
    expect(items).toEqual([
      { side: 'debit', residual: '1210', due_date: '2026-04-09' },
      { side: 'debit', residual: '100', due_date: '2026-03-11' },
    ]);
  });

  it('refuses what does not balance, a heading, a missing party and a missing rule', async () => {
    const c = await booksCompany(db.current.database);
    const sales = await c.ruleAccount('sales');
    const receivable = await c.ruleAccount('receivable');
    const customer = await c.party();
    expect(
      await refusal(
        c.request(() =>
          c.ledger.post({
            journal: 'general',
            date: '2026-03-10',
            lines: [
              { accountId: receivable, partyId: customer, debit: '10' },
              { accountId: sales, credit: '9.99' },
            ],
          }),
        ),
      ),
    ).toBe('entry_unbalanced');
    const heading = (
      await c.rows<{ id: string }>(sql`select id from accounts.accounts where heading limit 1`)
    )[0]!.id;
    const error = await c
      .request(() =>
        c.ledger.post({
          journal: 'general',
          date: '2026-03-10',
          lines: [
            { accountId: heading, debit: '10' },
            { accountId: receivable, credit: '10' },
            { purpose: 'sales', match: { kind: 'warehouse', id: heading }, credit: '0' },
          ],
        }),
      )
      .catch((e: DomainError) => e);
    expect((error as DomainError).details.issues?.map((i) => i.code).sort()).toEqual([
      'account_not_postable',
      'debit_or_credit',
      'party_required',
    ]);
    // A rounding difference within tolerance goes to the rounding account.
    const rounded = await c.request(() =>
      c.ledger.post({
        journal: 'general',
        date: '2026-03-10',
        roundingTolerance: 2,
        lines: [
          { accountId: receivable, partyId: customer, debit: '10.01' },
          { accountId: sales, credit: '10' },
        ],
      }),
    );
    const rounding = await c.ruleAccount('rounding');
    const [line] = await c.rows<{ credit: string }>(sql`
      select trim_scale(credit)::text as credit from accounts.entry_lines
       where entry_id = ${rounded.id} and account_id = ${rounding}`);
    expect(line).toEqual({ credit: '0.01' });
  });

  it('reverses once, in a gapless sequence per journal and year, and respects the locks', async () => {
    const c = await booksCompany(db.current.database);
    const post = (date: string) =>
      c.request(async () =>
        c.ledger.post({
          journal: 'general',
          date,
          lines: [
            { purpose: 'cash', debit: '50' },
            { purpose: 'sales', credit: '50' },
          ],
        }),
      );
    const first = await post('2026-01-15');
    const reversal = await c.request(() => c.ledger.reverse(first.id, { date: '2026-01-20' }));
    expect(reversal.number).toBe('GEN-2026-000002');
    expect(await refusal(c.request(() => c.ledger.reverse(first.id)))).toBe(
      'entry_already_reversed',
    );
    expect((await post('2027-01-02')).number).toBe('GEN-2027-000001');
    // A failed posting gives its number back.
    await refusal(
      c.request(async () => {
        await post('2026-02-01');
        throw new Error('the document failed after posting');
      }),
    );
    expect((await post('2026-02-01')).number).toBe('GEN-2026-000003');

    await c.rows(sql`update accounts.periods set locked = true
                      where start_date = '2026-01-01'`);
    expect(await refusal(post('2026-01-31'))).toBe('period_locked');
    await c.rows(sql`update accounts.settings set staff_lock_date = '2026-02-28'`);
    const clerk = c.principalOf(['sales']);
    expect(
      await refusal(
        c.request(
          () =>
            c.ledger.post({
              journal: 'general',
              date: '2026-02-10',
              lines: [
                { purpose: 'cash', debit: '1' },
                { purpose: 'sales', credit: '1' },
              ],
            }),
          clerk,
        ),
      ),
    ).toBe('period_locked');
    expect((await post('2026-02-10')).number).toBe('GEN-2026-000004');
  });

  it('chains every posted entry, and the chain finds a row a superuser changed', async () => {
    const c = await booksCompany(db.current.database);
    const customer = await c.party();
    const entries = [];
    // Twelve: past nine, where a text sort of places would put 9 after 12.
    for (let i = 1; i <= 12; i++)
      entries.push(
        await c.request(() =>
          c.ledger.post({
            journal: 'sales',
            date: `2026-05-${String(i).padStart(2, '0')}`,
            lines: [
              { purpose: 'receivable', partyId: customer, debit: `${i}00` },
              { purpose: 'sales', credit: `${i}00` },
            ],
          }),
        ),
      );
    const verify = () => c.request(() => c.chain.verify(c.tenantId));
    expect(await verify()).toMatchObject({ entries: 12, valid: true, firstBreak: null });
    const admin = await adminClient(db.current);
    try {
      await admin.query('begin');
      await admin.query('set local session_replication_role = replica');
      await admin.query(
        'update accounts.entry_lines set debit = 999 where entry_id = $1 and debit > 0',
        [entries[2]!.id],
      );
      await admin.query('commit');
    } finally {
      await admin.end();
    }
    expect(await verify()).toMatchObject({
      valid: false,
      firstBreak: { seq: 3, entryId: entries[2]!.id, reason: 'content' },
    });
  });
});
