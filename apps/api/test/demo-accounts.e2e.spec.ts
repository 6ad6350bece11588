import { ChainVerifier } from '@nexo/accounts';
import { useTestDatabase } from '@nexo/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, seedDemo } from '../src/seed/demo-seed.js';
import { useTestApp } from './helpers/test-app.js';

/**
 * The demo company's books (issue 27): a year of invoices, bills, payments and expenses
 * posted through the ledger, balanced, chained, with open invoices of every age, seeded once.
 */
describe('the demo company’s books', () => {
  const db = useTestDatabase();
  const t = useTestApp(db);
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    (await db.current.database.withContext({ tenantId: DEMO_TENANT_ID }, (tx) => tx.execute(query)))
      .rows as T[];
  const entryCount = async () =>
    (
      await rows<{ n: number }>(sql`
        select count(*)::int as n from accounts.entries where tenant_id = ${DEMO_TENANT_ID}`)
    )[0]?.n;

  it('balances, ages every bucket, verifies its chain, and is seeded once', async () => {
    expect(await seedDemo(t.app)).toEqual({ seeded: true });
    const entries = await entryCount();
    const [seeded] = await rows<{ n: number }>(sql`
      select count(*)::int as n from accounts.entries
       where tenant_id = ${DEMO_TENANT_ID} and source_type like 'demo.%'`);
    expect(seeded?.n).toBeGreaterThanOrEqual(300);
    expect(seeded?.n).toBeLessThanOrEqual(600);

    // The trial balance: debits and credits of every account and day sum alike.
    const [totals] = await rows<{ debit: string; credit: string }>(sql`
      select sum(debit)::text as debit, sum(credit)::text as credit
        from accounts.account_balances where tenant_id = ${DEMO_TENANT_ID}`);
    expect(totals?.debit).toBe(totals?.credit);
    expect(Number(totals?.debit)).toBeGreaterThan(0);

    // Nothing dated after today, and the year reaches back eleven months at least.
    const [span] = await rows<{ first: string; last: string; sources: string[] }>(sql`
      select min(entry_date)::text as first, max(entry_date)::text as last,
             array_agg(distinct source_type order by source_type) as sources
        from accounts.entries where tenant_id = ${DEMO_TENANT_ID}`);
    expect(span!.last <= new Date().toISOString().slice(0, 10)).toBe(true);
    expect(Date.parse(span!.last) - Date.parse(span!.first)).toBeGreaterThan(330 * 86_400_000);
    expect(span!.sources).toEqual(
      expect.arrayContaining(['demo.invoice', 'demo.receipt', 'demo.bill', 'demo.payment']),
    );

    // Open receivables by age (not due, 1–30, 31–60, 61–90, over 90 days past due).
    const buckets = await rows<{ bucket: number; n: number }>(sql`
      select case when i.due_date >= current_date then 0
                  when current_date - i.due_date <= 30 then 1
                  when current_date - i.due_date <= 60 then 2
                  when current_date - i.due_date <= 90 then 3
                  else 4 end as bucket, count(*)::int as n
        from accounts.open_items i
        join accounts.accounts a on a.tenant_id = i.tenant_id and a.id = i.account_id
       where i.tenant_id = ${DEMO_TENANT_ID} and a.type = 'receivable' and i.side = 'debit'
         and i.residual > 0
       group by 1 order by 1`);
    expect(buckets.length).toBeGreaterThanOrEqual(3);
    // Most invoices are paid; some partly, by an allocation that leaves a residual.
    const [settled] = await rows<{ paid: number; partial: number; open: number }>(sql`
      select count(*) filter (where residual = 0)::int as paid,
             count(*) filter (where residual > 0 and residual < amount)::int as partial,
             count(*) filter (where residual = amount)::int as open
        from accounts.open_items
       where tenant_id = ${DEMO_TENANT_ID} and source_type = 'demo.invoice'`);
    expect(settled!.paid).toBeGreaterThan(settled!.open + settled!.partial);
    expect(settled!.partial).toBeGreaterThan(0);

    const chain = await db.current.database.withContext({ tenantId: DEMO_TENANT_ID }, () =>
      t.app.get(ChainVerifier).verify(DEMO_TENANT_ID),
    );
    expect(chain.entries).toBe(entries);
    expect(chain).toMatchObject({ valid: true, firstBreak: null });

    expect(await seedDemo(t.app)).toEqual({ seeded: false });
    expect(await entryCount()).toBe(entries);
  });
});
