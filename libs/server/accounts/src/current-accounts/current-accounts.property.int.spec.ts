import { DomainError } from '@nexo/platform';
import { useTestDatabase } from '@nexo/testing';
import { decimal, decimalString } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { booksCompany, type BooksCompany } from '../testing/books.fixture.js';

/**
 * Random sequences of invoices, payments, partial allocations, undone allocations and
 * reversals, in pesos and dollars, through the real services. After each sequence: the
 * trial balance sums to zero and equals the lines; every party's balance per currency (and
 * in pesos) equals what its open items leave open; aging buckets at past dates sum to the
 * balance at that date.
 */
type Step =
  | { kind: 'invoice' | 'payment'; party: 0 | 1; usd: boolean; amount: number; rate: number }
  | { kind: 'allocate'; party: 0 | 1; usd: boolean; pick: number; half: boolean }
  | { kind: 'undo'; pick: number }
  | { kind: 'reverse'; pick: number };

const party = fc.constantFrom(0 as const, 1 as const);
const step: fc.Arbitrary<{ step: Step; days: number }> = fc.record({
  days: fc.integer({ min: 0, max: 4 }),
  step: fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constantFrom('invoice' as const, 'payment' as const),
        party,
        usd: fc.boolean(),
        amount: fc.integer({ min: 1, max: 100_000 }),
        rate: fc.constantFrom(900, 1000, 1137),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('allocate' as const),
        party,
        usd: fc.boolean(),
        pick: fc.nat(),
        half: fc.boolean(),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('undo' as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }) },
  ),
});

const day = (offset: number) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);

async function run(c: BooksCompany, parties: string[], steps: { step: Step; days: number }[]) {
  let offset = 0;
  const entries: string[] = [];
  const allocations: string[] = [];
  for (const { step: s, days } of steps) {
    offset += days;
    const date = day(offset);
    if (s.kind === 'invoice' || s.kind === 'payment') {
      // Amounts in cents; dollars convert at the rate, rounded to the centavo.
      const amount = decimal(String(s.amount)).div(100);
      const ars = s.usd ? amount.times(s.rate).toDecimalPlaces(2) : amount;
      const debit = s.kind === 'invoice';
      const partyLine = {
        purpose: 'receivable' as const,
        partyId: parties[s.party]!,
        [debit ? 'debit' : 'credit']: decimalString(ars),
        ...(s.usd
          ? {
              currency: 'USD',
              amountCurrency: decimalString(debit ? amount : amount.negated()),
              rate: String(s.rate),
            }
          : {}),
      };
      const entry = await c.request(() =>
        c.ledger.post({
          journal: debit ? 'sales' : 'cash',
          date,
          lines: [
            partyLine,
            {
              purpose: debit ? ('sales' as const) : ('cash' as const),
              [debit ? 'credit' : 'debit']: decimalString(ars),
            },
          ],
        }),
      );
      entries.push(entry.id);
    } else if (s.kind === 'allocate') {
      const currency = s.usd ? 'USD' : 'ARS';
      const open = await c.rows<{ id: string; side: string; residual_currency: string }>(sql`
        select id, side, trim_scale(residual_currency)::text as residual_currency
          from accounts.open_items
         where party_id = ${parties[s.party]} and currency = ${currency}
           and residual_currency > 0 order by id`);
      const debits = open.filter((i) => i.side === 'debit');
      const credits = open.filter((i) => i.side === 'credit');
      if (!debits.length || !credits.length) continue;
      const d = debits[s.pick % debits.length]!;
      const k = credits[Math.floor(s.pick / debits.length) % credits.length]!;
      const most = decimal(d.residual_currency).lessThan(k.residual_currency)
        ? decimal(d.residual_currency)
        : decimal(k.residual_currency);
      const amount = s.half ? most.div(2).toDecimalPlaces(2) : most;
      if (amount.isZero()) continue;
      const rows = await c.request(() =>
        c.allocations.allocate(
          parties[s.party]!,
          [{ debitItemId: d.id, creditItemId: k.id, amount: decimalString(amount) }],
          date,
        ),
      );
      allocations.push(...rows.map((r) => r.id));
    } else if (s.kind === 'undo') {
      if (!allocations.length) continue;
      const id = allocations.splice(s.pick % allocations.length, 1)[0]!;
      await c.request(() => c.allocations.undo(id, date));
    } else if (s.kind === 'reverse') {
      if (!entries.length) continue;
      const id = entries.splice(s.pick % entries.length, 1)[0]!;
      await c.request(() => c.allocations.reverseEntry(id, { date }));
    }
  }
  return offset;
}

async function check(c: BooksCompany, lastOffset: number) {
  const [totals] = await c.rows<{ debit: string; credit: string; lines: string }>(sql`
    select trim_scale(sum(debit))::text as debit, trim_scale(sum(credit))::text as credit,
           (select trim_scale(coalesce(sum(debit - credit), 0))::text from accounts.entry_lines) as lines
      from accounts.account_balances`);
  expect(totals?.debit).toBe(totals?.credit);
  expect(totals?.lines).toBe('0');
  // Per party and currency: the lines' balance is what the open items leave open.
  const mismatches = await c.rows(sql`
    with lines as (
      select l.party_id, l.currency, sum(l.amount_currency) as balance,
             sum(l.debit - l.credit) as company
        from accounts.entry_lines l
        join accounts.accounts a on a.tenant_id = l.tenant_id and a.id = l.account_id
       where a.type = 'receivable' group by 1, 2),
    items as (
      select party_id, currency,
             sum(case when side = 'debit' then residual_currency else -residual_currency end) as open,
             sum(case when side = 'debit' then residual else -residual end) as company
        from accounts.open_items group by 1, 2)
    select * from lines full join items using (party_id, currency)
     where coalesce(lines.balance, 0) <> coalesce(items.open, 0)`);
  expect(mismatches).toEqual([]);
  const [companyTotals] = await c.rows<{ lines: string; items: string }>(sql`
    select (select trim_scale(coalesce(sum(l.debit - l.credit), 0))::text
              from accounts.entry_lines l join accounts.accounts a
                on a.tenant_id = l.tenant_id and a.id = l.account_id
             where a.type = 'receivable') as lines,
           (select trim_scale(coalesce(sum(case when side = 'debit' then residual
                                               else -residual end), 0))::text
              from accounts.open_items) as items`);
  expect(companyTotals?.lines).toBe(companyTotals?.items);
  // Aging at past dates and at the end: buckets sum to the balance on that date.
  for (const offset of [Math.floor(lastOffset / 3), Math.floor((2 * lastOffset) / 3), lastOffset]) {
    const asOf = day(offset);
    const aging = await c.request(() => c.reports.aging(c.tenantId, 'receivable', asOf, [7, 30]));
    const balances = await c.rows<{ party_id: string; currency: string; balance: string }>(sql`
      select l.party_id, l.currency, trim_scale(sum(l.amount_currency))::text as balance
        from accounts.entry_lines l
        join accounts.entries e on e.tenant_id = l.tenant_id and e.id = l.entry_id
        join accounts.accounts a on a.tenant_id = l.tenant_id and a.id = l.account_id
       where a.type = 'receivable' and e.entry_date <= ${asOf}
       group by 1, 2 having sum(l.amount_currency) <> 0`);
    const fromAging = aging
      .map((r) => ({
        party_id: r.partyId,
        currency: r.currency,
        balance: decimalString(r.buckets.reduce((s, b) => s.plus(b), decimal('0'))),
      }))
      .filter((r) => r.balance !== '0');
    const order = (rows: { party_id: string; currency: string }[]) =>
      [...rows].sort((a, b) =>
        `${a.party_id}${a.currency}`.localeCompare(`${b.party_id}${b.currency}`),
      );
    expect(order(fromAging)).toEqual(order(balances));
  }
}

describe('current accounts, property', () => {
  const db = useTestDatabase();

  it('keep balances, open items, the trial balance and aging in agreement', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
        const c = await booksCompany(db.current.database);
        const parties = [await c.party(), await c.party()];
        try {
          const last = await run(c, parties, steps);
          await check(c, last);
        } catch (error) {
          if (error instanceof DomainError)
            throw new Error(`${error.code}: ${error.message} ${JSON.stringify(error.details)}`);
          throw error;
        }
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});
