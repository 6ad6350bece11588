import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { sql } from 'drizzle-orm';
import type { JournalKind } from './ledger.types.js';

export interface AccountFact {
  id: string;
  code: string;
  type: string;
  heading: boolean;
  active: boolean;
}

export interface JournalFact {
  id: string;
  code: string;
  kind: JournalKind;
}

export interface EntryFact {
  id: string;
  journalId: string;
  state: 'draft' | 'posted';
  number: string | null;
  entryDate: string;
  description: string | null;
  sourceType: string | null;
  sourceId: string | null;
  reversesEntryId: string | null;
}

export interface LineRow {
  id: string;
  accountId: string;
  partyId: string | null;
  debit: string;
  credit: string;
  currency: string;
  amountCurrency: string;
  rate: string;
  dueDate: string | null;
  description: string | null;
}

/** The ledger's statements, in the caller's transaction. */
@Injectable()
export class LedgerRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  private get tx() {
    return this.database.tx();
  }

  async accounts(tenantId: string, ids: readonly string[]): Promise<Map<string, AccountFact>> {
    if (!ids.length) return new Map();
    const { rows } = await this.tx.execute<AccountFact & Record<string, unknown>>(sql`
      select id, code, type, heading, active from accounts.accounts
       where tenant_id = ${tenantId}
         and id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`);
    return new Map(rows.map((r) => [r.id, r]));
  }

  async journal(tenantId: string, ref: JournalKind | { id: string }): Promise<JournalFact | null> {
    const where = typeof ref === 'string' ? sql`kind = ${ref}` : sql`id = ${ref.id}`;
    const { rows } = await this.tx.execute<JournalFact & Record<string, unknown>>(sql`
      select id, code, kind from accounts.journals
       where tenant_id = ${tenantId} and ${where} order by code limit 1`);
    return rows[0] ?? null;
  }

  async keepsBooks(tenantId: string): Promise<boolean> {
    const { rows } = await this.tx.execute<{ found: boolean }>(sql`
      select exists (select 1 from accounts.posting_rules where tenant_id = ${tenantId}) as found`);
    return rows[0]?.found === true;
  }

  async staffLockDate(tenantId: string): Promise<string | null> {
    const { rows } = await this.tx.execute<{ d: string | null }>(sql`
      select staff_lock_date::text as d from accounts.settings where tenant_id = ${tenantId}`);
    return rows[0]?.d ?? null;
  }

  async insertEntry(values: {
    tenantId: string;
    id: string;
    journalId: string;
    entryDate: string;
    description: string | null;
    sourceType: string | null;
    sourceId: string | null;
    reversesEntryId: string | null;
  }): Promise<void> {
    await this.tx.execute(sql`
      insert into accounts.entries (tenant_id, id, journal_id, state, entry_date, description,
                                    source_type, source_id, reverses_entry_id)
      values (${values.tenantId}, ${values.id}, ${values.journalId}, 'draft', ${values.entryDate},
              ${values.description}, ${values.sourceType}, ${values.sourceId},
              ${values.reversesEntryId})`);
  }

  /** All lines in one statement (a JSON array parameter), positions in the given order. */
  async insertLines(tenantId: string, entryId: string, lines: readonly LineRow[]): Promise<void> {
    if (!lines.length) return;
    await this.tx.execute(sql`
      insert into accounts.entry_lines (tenant_id, id, entry_id, position, account_id, party_id,
                                        debit, credit, currency, amount_currency, rate, due_date,
                                        description)
      select ${tenantId}, l.id, ${entryId}, l.position, l.account_id, l.party_id, l.debit,
             l.credit, l.currency, l.amount_currency, l.rate, l.due_date, l.description
        from jsonb_to_recordset(${JSON.stringify(
          lines.map((l, position) => ({
            id: l.id,
            position,
            account_id: l.accountId,
            party_id: l.partyId,
            debit: l.debit,
            credit: l.credit,
            currency: l.currency,
            amount_currency: l.amountCurrency,
            rate: l.rate,
            due_date: l.dueDate,
            description: l.description,
          })),
        )}::jsonb)
          as l(id uuid, position int, account_id uuid, party_id uuid, debit numeric,
               credit numeric, currency text, amount_currency numeric, rate numeric,
               due_date date, description text)`);
  }

  async deleteLines(tenantId: string, entryId: string): Promise<void> {
    await this.tx.execute(sql`
      delete from accounts.entry_lines where tenant_id = ${tenantId} and entry_id = ${entryId}`);
  }

  /**
   * The journal's next number for the year: gapless, because the sequence row stays locked
   * until the transaction ends and a rollback gives the number back.
   */
  async nextNumber(tenantId: string, journalId: string, year: number): Promise<number> {
    const { rows } = await this.tx.execute<{ n: number }>(sql`
      insert into accounts.journal_sequences as s (tenant_id, journal_id, year, last_number)
      values (${tenantId}, ${journalId}, ${year}, 1)
      on conflict (tenant_id, journal_id, year) do update set last_number = s.last_number + 1
      returning s.last_number as n`);
    return Number(rows[0]?.n);
  }

  /** Locks a draft for posting; null when absent or no longer a draft. */
  async entry(tenantId: string, id: string, lock = false): Promise<EntryFact | null> {
    const { rows } = await this.tx.execute<EntryFact & Record<string, unknown>>(sql`
      select id, journal_id as "journalId", state, number, entry_date::text as "entryDate",
             description, source_type as "sourceType", source_id as "sourceId",
             reverses_entry_id as "reversesEntryId"
        from accounts.entries where tenant_id = ${tenantId} and id = ${id}
        ${lock ? sql`for update` : sql``}`);
    return rows[0] ?? null;
  }

  async lines(tenantId: string, entryId: string): Promise<LineRow[]> {
    const { rows } = await this.tx.execute<LineRow & Record<string, unknown>>(sql`
      select id, account_id as "accountId", party_id as "partyId", trim_scale(debit)::text as debit, trim_scale(credit)::text as credit,
             currency, trim_scale(amount_currency)::text as "amountCurrency", trim_scale(rate)::text as rate,
             due_date::text as "dueDate", description
        from accounts.entry_lines where tenant_id = ${tenantId} and entry_id = ${entryId}
       order by position, id`);
    return rows;
  }

  async markPosted(
    tenantId: string,
    id: string,
    number: string,
    postedBy: string | null,
  ): Promise<void> {
    await this.tx.execute(sql`
      update accounts.entries
         set state = 'posted', number = ${number}, posted_at = now(), posted_by = ${postedBy},
             updated_at = now(), version = version + 1
       where tenant_id = ${tenantId} and id = ${id} and state = 'draft'`);
  }

  async reversalOf(tenantId: string, id: string): Promise<string | null> {
    const { rows } = await this.tx.execute<{ id: string }>(sql`
      select id from accounts.entries where tenant_id = ${tenantId} and reverses_entry_id = ${id}`);
    return rows[0]?.id ?? null;
  }
}
