import { DomainError } from '@nexo/platform';
import { useTestDatabase } from '@nexo/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { booksCompany, type BooksCompany } from '../testing/books.fixture.js';

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'committed',
    (e: unknown) => (e instanceof DomainError ? e.code : e),
  );

const invoice = (c: BooksCompany, partyId: string, amount: string, date = '2026-03-01') =>
  c.request(() =>
    c.ledger.post({
      journal: 'sales',
      date,
      lines: [
        { purpose: 'receivable', partyId, debit: amount },
        { purpose: 'sales', credit: amount },
      ],
    }),
  );
const payment = (c: BooksCompany, partyId: string, amount: string, date = '2026-03-05') =>
  c.request(() =>
    c.ledger.post({
      journal: 'cash',
      date,
      lines: [
        { purpose: 'cash', debit: amount },
        { purpose: 'receivable', partyId, credit: amount },
      ],
    }),
  );
const itemOf = async (c: BooksCompany, entryId: string) =>
  (
    await c.rows<{ id: string; residual: string; residual_currency: string }>(sql`
      select id, trim_scale(residual)::text as residual,
             trim_scale(residual_currency)::text as residual_currency
        from accounts.open_items where entry_id = ${entryId}`)
  )[0]!;

/** Current accounts: allocations partial, several at once, undone, and under concurrency. */
describe('allocations', () => {
  const db = useTestDatabase();

  it('settles invoices partially and several at once, and undoes one', async () => {
    const c = await booksCompany(db.current.database);
    const customer = await c.party();
    const [a, b] = [await invoice(c, customer, '300'), await invoice(c, customer, '200')];
    const paid = await payment(c, customer, '400');
    const [ia, ib, ip] = [await itemOf(c, a.id), await itemOf(c, b.id), await itemOf(c, paid.id)];
    const rows = await c.request(() =>
      c.allocations.allocate(
        customer,
        [
          { debitItemId: ia.id, creditItemId: ip.id },
          { debitItemId: ib.id, creditItemId: ip.id, amount: '50' },
        ],
        '2026-03-05',
      ),
    );
    expect(rows.map((r) => r.amountCurrency)).toEqual(['300', '50']);
    expect((await itemOf(c, a.id)).residual).toBe('0');
    expect((await itemOf(c, b.id)).residual).toBe('150');
    expect((await itemOf(c, paid.id)).residual).toBe('50');
    // 100 more than the payment has left.
    expect(
      await refusal(
        c.request(() =>
          c.allocations.allocate(
            customer,
            [{ debitItemId: ib.id, creditItemId: ip.id, amount: '100' }],
            '2026-03-05',
          ),
        ),
      ),
    ).toBe('over_allocated');
    await c.request(() => c.allocations.undo(rows[0]!.id, '2026-03-06'));
    expect((await itemOf(c, a.id)).residual).toBe('300');
    expect((await itemOf(c, paid.id)).residual).toBe('350');
    expect(await refusal(c.request(() => c.allocations.undo(rows[0]!.id, '2026-03-07')))).toBe(
      'already_undone',
    );
    // Allocations of a document are dated in the order they are made.
    const early = await c
      .request(() =>
        c.allocations.allocate(
          customer,
          [{ debitItemId: ia.id, creditItemId: ip.id }],
          '2026-03-05',
        ),
      )
      .catch((e: DomainError) => e);
    expect((early as DomainError).details.issues?.[0]?.code).toBe('before_allocation');
    // The ledger of allocations only grows, whoever asks.
    expect(
      await refusal(c.rows(sql`delete from accounts.allocations where id = ${rows[1]!.id}`)),
    ).not.toBe('committed');
    // Aging at a past date reads what was open then.
    const before = await c.request(() =>
      c.reports.aging(c.tenantId, 'receivable', '2026-03-04', [30, 60, 90]),
    );
    expect(before).toEqual([
      expect.objectContaining({ partyId: customer, buckets: ['0', '500', '0', '0', '0'] }),
    ]);
    const after = await c.request(() =>
      c.reports.aging(c.tenantId, 'receivable', '2026-03-06', [30, 60, 90]),
    );
    // 300 + 150 open on the invoices, 350 unapplied on the payment (due the day it was paid).
    expect(after[0]?.buckets).toEqual(['0', '100', '0', '0', '0']);
  });

  it('never over-allocates an invoice that 20 payments settle at once', async () => {
    const c = await booksCompany(db.current.database);
    const customer = await c.party();
    const billEntry = await invoice(c, customer, '1000');
    const bill = await itemOf(c, billEntry.id);
    const payments = [];
    for (let i = 0; i < 20; i++)
      payments.push(await itemOf(c, (await payment(c, customer, '100')).id));
    const outcomes = await Promise.all(
      payments.map((p) =>
        refusal(
          c.request(() =>
            c.allocations.allocate(customer, [{ debitItemId: bill.id, creditItemId: p.id }]),
          ),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'committed')).toHaveLength(10);
    expect(outcomes.filter((o) => o !== 'committed')).toEqual(
      Array.from({ length: 10 }, () => 'over_allocated'),
    );
    expect((await itemOf(c, billEntry.id)).residual).toBe('0');
    const [sum] = await c.rows<{ total: string }>(sql`
      select trim_scale(sum(amount_currency))::text as total from accounts.allocations
       where debit_item_id = ${bill.id}`);
    expect(sum?.total).toBe('1000');
  });

  it('posts the realized exchange difference of a foreign-currency allocation', async () => {
    const c = await booksCompany(db.current.database);
    const customer = await c.party();
    // 100 USD invoiced at 1,000 and collected at 1,100: a gain of 10,000 ARS.
    const usd = (side: 'debit' | 'credit', ars: string, purpose: 'sales' | 'cash', date: string) =>
      c.request(() =>
        c.ledger.post({
          journal: 'general',
          date,
          lines: [
            {
              purpose: 'receivable',
              partyId: customer,
              [side]: ars,
              currency: 'USD',
              amountCurrency: side === 'debit' ? '100' : '-100',
              rate: side === 'debit' ? '1000' : '1100',
            },
            { purpose, [side === 'debit' ? 'credit' : 'debit']: ars },
          ],
        }),
      );
    const inv = await itemOf(c, (await usd('debit', '100000', 'sales', '2026-04-01')).id);
    const pay = await itemOf(c, (await usd('credit', '110000', 'cash', '2026-04-20')).id);
    const [row] = await c.request(() =>
      c.allocations.allocate(
        customer,
        [{ debitItemId: inv.id, creditItemId: pay.id }],
        '2026-04-20',
      ),
    );
    expect(row).toMatchObject({ amountDebit: '100000', amountCredit: '110000' });
    expect(row?.exchangeEntryId).toBeTruthy();
    const gain = await c.ruleAccount('exchange_gain');
    const receivable = await c.ruleAccount('receivable');
    const [balance] = await c.rows<{ gain: string; receivable: string }>(sql`
      select trim_scale(sum(credit - debit) filter (where account_id = ${gain}))::text as gain,
             trim_scale(sum(debit - credit) filter (where account_id = ${receivable}))::text as receivable
        from accounts.account_balances`);
    // The receivable nets to zero in pesos once the dollars are settled.
    expect(balance).toEqual({ gain: '10000', receivable: '0' });
    // Undoing the allocation reverses the difference.
    await c.request(() => c.allocations.undo(row!.id, '2026-04-21'));
    const [undone] = await c.rows<{ gain: string }>(sql`
      select trim_scale(sum(credit - debit))::text as gain from accounts.account_balances
       where account_id = ${gain}`);
    expect(undone?.gain).toBe('0');
  });

  it('reversing an entry settles its open items with their mirror', async () => {
    const c = await booksCompany(db.current.database);
    const customer = await c.party();
    const inv = await invoice(c, customer, '500');
    await c.request(() => c.allocations.reverseEntry(inv.id, { date: '2026-03-02' }));
    const items = await c.rows<{ residual: string }>(sql`
      select trim_scale(residual)::text as residual from accounts.open_items
       where party_id = ${customer}`);
    expect(items).toEqual([{ residual: '0' }, { residual: '0' }]);
  });
});
