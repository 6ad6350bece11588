import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { decimal, decimalString } from '@nexo/utils';
import { sql } from 'drizzle-orm';

export interface TrialBalanceRow {
  accountId: string;
  code: string;
  name: string;
  type: string;
  opening: string;
  debit: string;
  credit: string;
  closing: string;
}

export interface LedgerLine {
  entryId: string;
  lineId: string;
  number: string;
  date: string;
  description: string | null;
  accountId: string;
  partyId: string | null;
  debit: string;
  credit: string;
  currency: string;
  amountCurrency: string;
  balance: string;
  sourceType: string | null;
  sourceId: string | null;
}

export interface AgingRow {
  partyId: string;
  partyName: string;
  currency: string;
  /** Signed (debits positive): what the party owes, or is owed when negative. */
  balance: string;
  /** Not yet due, then one per bucket, the last one open-ended. */
  buckets: string[];
}

export interface OpenItemView {
  id: string;
  entryId: string;
  number: string;
  side: 'debit' | 'credit';
  currency: string;
  amountCurrency: string;
  open: string;
  documentDate: string;
  dueDate: string;
  sourceType: string | null;
  sourceId: string | null;
  description: string | null;
}

/** What is open of an item on a day: its amount less what was allocated up to that day. */
const openOn = (asOf: string) => sql`
  i.amount_currency
  - coalesce((select sum(a.amount_currency) from accounts.allocations a
               where a.tenant_id = i.tenant_id and a.debit_item_id = i.id
                 and a.allocated_on <= ${asOf}), 0)
  - coalesce((select sum(a.amount_currency) from accounts.allocations a
               where a.tenant_id = i.tenant_id and a.credit_item_id = i.id
                 and a.allocated_on <= ${asOf}), 0)`;

/**
 * The ledger's reports, read from the per-day account balances and the open items (erp.md
 * §4: summaries plus open items, never the whole ledger), at any date.
 */
@Injectable()
export class LedgerReportsRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  private get tx() {
    return this.database.tx();
  }

  /**
   * What is open in foreign currencies on a day, per party, account and currency: in the
   * currency and as booked in the company's (amounts less allocations up to that day).
   */
  async foreignOpen(tenantId: string, companyCurrency: string, asOf: string) {
    const { rows } = await this.tx.execute<{
      partyId: string;
      accountId: string;
      currency: string;
      open: string;
      booked: string;
    }>(sql`
      with allocated as (
        select item_id, sum(amount) as amount, sum(booked) as booked from (
          select debit_item_id as item_id, amount_currency as amount, amount_debit as booked
            from accounts.allocations where tenant_id = ${tenantId} and allocated_on <= ${asOf}
          union all
          select credit_item_id, amount_currency, amount_credit
            from accounts.allocations where tenant_id = ${tenantId} and allocated_on <= ${asOf}) u
         group by item_id)
      select i.party_id as "partyId", i.account_id as "accountId", i.currency,
             trim_scale(sum(case when i.side = 'debit' then 1 else -1 end
                            * (i.amount_currency - coalesce(al.amount, 0))))::text as open,
             trim_scale(sum(case when i.side = 'debit' then 1 else -1 end
                            * (i.amount - coalesce(al.booked, 0))))::text as booked
        from accounts.open_items i
        left join allocated al on al.item_id = i.id
       where i.tenant_id = ${tenantId} and i.currency <> ${companyCurrency}
         and i.document_date <= ${asOf}
       group by 1, 2, 3
      having sum(case when i.side = 'debit' then 1 else -1 end
                 * (i.amount_currency - coalesce(al.amount, 0))) <> 0
          or sum(case when i.side = 'debit' then 1 else -1 end
                 * (i.amount - coalesce(al.booked, 0))) <> 0
       order by 1, 2, 3`);
    return rows;
  }

  async revaluedOn(tenantId: string, day: string): Promise<boolean> {
    const { rows } = await this.tx.execute<{ found: boolean }>(sql`
      select exists (select 1 from accounts.entries
                      where tenant_id = ${tenantId} and source_type = 'accounts.revaluation'
                        and entry_date = ${day} and reverses_entry_id is null) as found`);
    return rows[0]?.found === true;
  }

  /** Whether the party is one of the company's (the entry lines' foreign key target). */
  async partyExists(tenantId: string, partyId: string): Promise<boolean> {
    const { rows } = await this.tx.execute<{ found: boolean }>(sql`
      select exists (select 1 from crm.parties
                      where tenant_id = ${tenantId} and id = ${partyId}) as found`);
    return rows[0]?.found === true;
  }

  /** Every account with movement or balance: before `from`, within it, and at `to`. */
  async trialBalance(tenantId: string, from: string, to: string): Promise<TrialBalanceRow[]> {
    const { rows } = await this.tx.execute<TrialBalanceRow & Record<string, unknown>>(sql`
      with sums as (
        select b.account_id,
               coalesce(sum(b.debit - b.credit) filter (where b.day < ${from}), 0) as opening,
               coalesce(sum(b.debit) filter (where b.day >= ${from}), 0) as debit,
               coalesce(sum(b.credit) filter (where b.day >= ${from}), 0) as credit
          from accounts.account_balances b
         where b.tenant_id = ${tenantId} and b.day <= ${to}
         group by b.account_id)
      select a.id as "accountId", a.code, a.name, a.type, trim_scale(s.opening)::text as opening,
             trim_scale(s.debit)::text as debit, trim_scale(s.credit)::text as credit,
             trim_scale(s.opening + s.debit - s.credit)::text as closing
        from sums s
        join accounts.accounts a on a.tenant_id = ${tenantId} and a.id = s.account_id
       order by a.code`);
    return rows;
  }

  /** The balance (debits less credits) of accounts before a day, in one statement. */
  async openingOf(
    tenantId: string,
    filter: { accountId?: string; partyId?: string },
    before: string,
  ): Promise<string> {
    if (filter.accountId && !filter.partyId) {
      const { rows } = await this.tx.execute<{ v: string }>(sql`
        select trim_scale(coalesce(sum(debit - credit), 0))::text as v from accounts.account_balances
         where tenant_id = ${tenantId} and account_id = ${filter.accountId} and day < ${before}`);
      return rows[0]?.v ?? '0';
    }
    const { rows } = await this.tx.execute<{ v: string }>(sql`
      select trim_scale(coalesce(sum(l.debit - l.credit), 0))::text as v
        from accounts.entry_lines l
        join accounts.entries e on e.tenant_id = l.tenant_id and e.id = l.entry_id
       where l.tenant_id = ${tenantId} and e.state = 'posted' and e.entry_date < ${before}
         ${filter.partyId ? sql`and l.party_id = ${filter.partyId}` : sql``}
         ${filter.accountId ? sql`and l.account_id = ${filter.accountId}` : sql``}
         and exists (select 1 from accounts.accounts a where a.tenant_id = l.tenant_id
                      and a.id = l.account_id and a.type in ('receivable', 'payable'))`);
    return rows[0]?.v ?? '0';
  }

  /**
   * Posted lines in date order with a running balance from `opening`: an account's general
   * ledger, or a party's statement (its receivable and payable lines).
   */
  async lines(
    tenantId: string,
    filter: { accountId?: string; partyId?: string },
    from: string,
    to: string,
    opening: string,
  ): Promise<LedgerLine[]> {
    const { rows } = await this.tx.execute<LedgerLine & Record<string, unknown>>(sql`
      select e.id as "entryId", l.id as "lineId", e.number, e.entry_date::text as date,
             coalesce(l.description, e.description) as description, l.account_id as "accountId",
             l.party_id as "partyId", trim_scale(l.debit)::text as debit, trim_scale(l.credit)::text as credit, l.currency,
             trim_scale(l.amount_currency)::text as "amountCurrency",
             trim_scale(${opening}::numeric + sum(l.debit - l.credit) over (
                order by e.entry_date, e.chain_seq, l.position
                rows between unbounded preceding and current row))::text as balance,
             e.source_type as "sourceType", e.source_id as "sourceId"
        from accounts.entry_lines l
        join accounts.entries e on e.tenant_id = l.tenant_id and e.id = l.entry_id
       where l.tenant_id = ${tenantId} and e.state = 'posted'
         and e.entry_date between ${from} and ${to}
         ${filter.accountId ? sql`and l.account_id = ${filter.accountId}` : sql``}
         ${
           filter.partyId
             ? sql`and l.party_id = ${filter.partyId}
                   and exists (select 1 from accounts.accounts a where a.tenant_id = l.tenant_id
                                and a.id = l.account_id and a.type in ('receivable', 'payable'))`
             : sql``
         }
       order by e.entry_date, e.chain_seq, l.position`);
    return rows;
  }

  /** A party's items open on `asOf` (all of them when `all`), oldest due first. */
  async openItems(
    tenantId: string,
    partyId: string,
    asOf: string,
    all = false,
  ): Promise<OpenItemView[]> {
    const { rows } = await this.tx.execute<OpenItemView & Record<string, unknown>>(sql`
      select * from (
        select i.id, i.entry_id as "entryId", e.number, i.side, i.currency,
               trim_scale(i.amount_currency)::text as "amountCurrency", trim_scale(${openOn(asOf)})::text as open,
               i.document_date::text as "documentDate", i.due_date::text as "dueDate",
               i.source_type as "sourceType", i.source_id as "sourceId", i.description
          from accounts.open_items i
          join accounts.entries e on e.tenant_id = i.tenant_id and e.id = i.entry_id
         where i.tenant_id = ${tenantId} and i.party_id = ${partyId}
           and i.document_date <= ${asOf}) x
       where ${all ? sql`true` : sql`x.open::numeric <> 0`}
       order by x."dueDate", x."documentDate", x.id`);
    return rows;
  }

  /**
   * Aging of receivables or payables on `asOf`, per party and currency: the open part of
   * each item in "not due" or in the bucket of its days past due (`limits` are the buckets'
   * upper bounds in days; the last bucket is open-ended).
   */
  async aging(
    tenantId: string,
    kind: 'receivable' | 'payable',
    asOf: string,
    limits: readonly number[],
  ): Promise<AgingRow[]> {
    const bounds = [...limits];
    const bucketOf = sql.raw(
      [
        `case when x.due_date >= x.as_of then 0`,
        ...bounds.map((limit, i) => `when x.as_of - x.due_date <= ${limit} then ${i + 1}`),
        `else ${bounds.length + 1} end`,
      ].join(' '),
    );
    // A plan this size crosses PostgreSQL's JIT threshold, and compiling it costs more than
    // running it: off for this statement's transaction (it is a read-only report).
    await this.tx.execute(sql`set local jit = off`);
    const { rows } = await this.tx.execute<{
      party_id: string;
      party_name: string;
      currency: string;
      bucket: number;
      amount: string;
    }>(sql`
      with allocated as (
        select item_id, sum(amount) as amount from (
          select debit_item_id as item_id, amount_currency as amount from accounts.allocations
           where tenant_id = ${tenantId} and allocated_on <= ${asOf}
          union all
          select credit_item_id, amount_currency from accounts.allocations
           where tenant_id = ${tenantId} and allocated_on <= ${asOf}) u
         group by item_id),
      open as (
        select i.party_id, i.currency, i.due_date, ${asOf}::date as as_of,
               case when i.side = 'debit' then 1 else -1 end
                 * (i.amount_currency - coalesce(al.amount, 0)) as signed
          from accounts.open_items i
          join accounts.accounts a on a.tenant_id = i.tenant_id and a.id = i.account_id
          left join allocated al on al.item_id = i.id
         where i.tenant_id = ${tenantId} and a.type = ${kind} and i.document_date <= ${asOf})
      select x.party_id, min(p.name) as party_name, x.currency, ${bucketOf} as bucket,
             trim_scale(sum(x.signed))::text as amount
        from open x
        join crm.parties p on p.tenant_id = ${tenantId} and p.id = x.party_id
       where x.signed <> 0
       group by x.party_id, x.currency, 4`);
    const byKey = new Map<string, AgingRow>();
    for (const r of rows) {
      const key = `${r.party_id}|${r.currency}`;
      let row = byKey.get(key);
      if (!row) {
        row = {
          partyId: r.party_id,
          partyName: r.party_name,
          currency: r.currency,
          balance: '0',
          buckets: Array.from({ length: bounds.length + 2 }, () => '0'),
        };
        byKey.set(key, row);
      }
      row.buckets[Number(r.bucket)] = r.amount;
    }
    for (const row of byKey.values())
      row.balance = decimalString(row.buckets.reduce((t, b) => t.plus(b), decimal('0')));
    return [...byKey.values()].sort(
      (a, b) => a.partyName.localeCompare(b.partyName) || a.currency.localeCompare(b.currency),
    );
  }
}
