import type { Database } from '@nexo/db';
import { adminClient, createTenant, useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The ledger's database proofs (issue 27), as the app role under RLS: an unbalanced entry
 * cannot commit, a posted entry and its lines never change, nothing posts in a locked period,
 * and a receivable or payable line names its party. Whatever the code above does.
 */
describe('the ledger in the database', () => {
  const db = useTestDatabase();
  let database: Database;
  let tenantId: string;
  const account: Record<'receivable' | 'payable' | 'income' | 'expense', string> = {
    receivable: newId(),
    payable: newId(),
    income: newId(),
    expense: newId(),
  };
  const journal = newId();
  const party = newId();

  beforeAll(async () => {
    database = db.current.database;
    tenantId = (await createTenant(database)).id;
    await database.withContext({ tenantId }, async (tx) => {
      for (const [type, id] of Object.entries(account))
        await tx.execute(sql`insert into accounts.accounts (tenant_id, id, code, name, type)
          values (${tenantId}, ${id}, ${type}, ${type}, ${type})`);
      await tx.execute(sql`insert into accounts.journals (tenant_id, id, code, name, kind)
        values (${tenantId}, ${journal}, 'VEN', 'Ventas', 'sales')`);
      await tx.execute(sql`insert into crm.parties (tenant_id, id, kind, name)
        values (${tenantId}, ${party}, 'organization', 'Cliente')`);
    });
  });

  type Line = { account: string; debit?: string; credit?: string; party?: string | null };
  /** One transaction as the app role: a draft entry, its lines, then posting it. */
  const post = (lines: Line[], date = '2026-12-01') =>
    database.withContext({ tenantId }, async (tx) => {
      const id = newId();
      await tx.execute(sql`insert into accounts.entries (tenant_id, id, journal_id, entry_date)
        values (${tenantId}, ${id}, ${journal}, ${date})`);
      let position = 0;
      for (const l of lines)
        await tx.execute(sql`insert into accounts.entry_lines
            (tenant_id, id, entry_id, position, account_id, party_id, debit, credit, currency)
          values (${tenantId}, ${newId()}, ${id}, ${++position}, ${l.account}, ${l.party ?? null},
                  ${l.debit ?? '0'}, ${l.credit ?? '0'}, 'ARS')`);
      await tx.execute(sql`update accounts.entries
          set state = 'posted', number = ${`VEN-${id.slice(-6)}`}, posted_at = now()
        where tenant_id = ${tenantId} and id = ${id}`);
      return id;
    });
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => 'committed',
      (e: { cause?: { constraint?: string; code?: string }; constraint?: string; code?: string }) =>
        e.cause?.constraint ?? e.constraint ?? e.cause?.code ?? e.code,
    );
  const invoice = (): Line[] => [
    { account: account.receivable, debit: '121', party },
    { account: account.income, credit: '100' },
    { account: account.income, credit: '21' },
  ];
  const entriesNow = async () =>
    (
      await database.withContext({ tenantId }, (tx) =>
        tx.execute<{ n: number }>(sql`select count(*)::int as n from accounts.entries`),
      )
    ).rows[0]!.n;

  it('commits a balanced entry and refuses an unbalanced one at COMMIT, leaving nothing', async () => {
    await post(invoice());
    const before = await entriesNow();
    const unbalanced = invoice().slice(0, 2);
    expect(await refusal(post(unbalanced))).toBe('entry_balanced');
    expect(await entriesNow()).toBe(before);
  });

  it('never changes or deletes a posted entry or its lines', async () => {
    const id = await post(invoice());
    const asApp = (statement: ReturnType<typeof sql>) =>
      refusal(database.withContext({ tenantId }, (tx) => tx.execute(statement)));
    expect(
      await asApp(sql`update accounts.entry_lines set debit = 200 where entry_id = ${id}`),
    ).toBe('entry_posted');
    expect(await asApp(sql`delete from accounts.entry_lines where entry_id = ${id}`)).toBe(
      'entry_posted',
    );
    expect(
      await asApp(sql`insert into accounts.entry_lines
          (tenant_id, id, entry_id, position, account_id, debit, currency)
        values (${tenantId}, ${newId()}, ${id}, 9, ${account.expense}, 1, 'ARS')`),
    ).toBe('entry_posted');
    expect(await asApp(sql`update accounts.entries set description = 'x' where id = ${id}`)).toBe(
      'entry_posted',
    );
    expect(await asApp(sql`delete from accounts.entries where id = ${id}`)).toBe('entry_posted');
    // Not even the owner role changes it.
    const admin = await adminClient(db.current);
    try {
      await expect(
        admin.query('update accounts.entry_lines set credit = 1 where entry_id = $1', [id]),
      ).rejects.toMatchObject({ constraint: 'entry_posted' });
    } finally {
      await admin.end();
    }
  });

  it('refuses to post on or before the lock date', async () => {
    await database.withContext({ tenantId }, (tx) =>
      tx.execute(sql`insert into accounts.settings (tenant_id, lock_date)
        values (${tenantId}, '2026-06-30')`),
    );
    expect(await refusal(post(invoice(), '2026-06-30'))).toBe('entry_period_locked');
    expect(await refusal(post(invoice(), '2026-07-01'))).toBe('committed');
  });

  it('refuses a receivable or payable line without its party', async () => {
    expect(
      await refusal(
        post([
          { account: account.expense, debit: '50' },
          { account: account.payable, credit: '50' },
        ]),
      ),
    ).toBe('entry_line_party');
    expect(
      await refusal(
        post([
          { account: account.expense, debit: '50' },
          { account: account.payable, credit: '50', party },
        ]),
      ),
    ).toBe('committed');
  });
});
