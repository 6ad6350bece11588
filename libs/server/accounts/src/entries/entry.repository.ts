import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords } from '@nexo/db';
import { sql } from 'drizzle-orm';
import { entries } from '../db/accounts.tables.js';

export type EntryRow = typeof entries.$inferSelect;

export interface EntryLineView {
  id: string;
  position: number;
  accountId: string;
  accountCode: string;
  accountName: string;
  partyId: string | null;
  debit: string;
  credit: string;
  currency: string;
  amountCurrency: string;
  rate: string;
  dueDate: string | null;
  description: string | null;
}

/** Entries: the versioned-record queries, plus their lines and journals. */
@Injectable()
export class EntryRepository extends VersionedRecords<typeof entries> {
  constructor(@Inject(Database) private readonly db: Database) {
    super(db, entries);
  }

  /** The lines of several entries in one statement, by entry. */
  async linesOf(tenantId: string, entryIds: readonly string[]) {
    const { rows } = await this.db.tx().execute<
      EntryLineView & { entryId: string } & Record<string, unknown>
    >(sql`
      select l.entry_id as "entryId", l.id, l.position, l.account_id as "accountId",
             a.code as "accountCode", a.name as "accountName", l.party_id as "partyId",
             trim_scale(l.debit)::text as debit, trim_scale(l.credit)::text as credit, l.currency,
             trim_scale(l.amount_currency)::text as "amountCurrency",
             trim_scale(l.rate)::text as rate, l.due_date::text as "dueDate", l.description
        from accounts.entry_lines l
        join accounts.accounts a on a.tenant_id = l.tenant_id and a.id = l.account_id
       where l.tenant_id = ${tenantId}
         and l.entry_id in (select jsonb_array_elements_text(${JSON.stringify(entryIds)}::jsonb)::uuid)
       order by l.entry_id, l.position, l.id`);
    const byEntry = new Map<string, EntryLineView[]>();
    for (const { entryId, ...line } of rows)
      byEntry.set(entryId, [...(byEntry.get(entryId) ?? []), line]);
    return byEntry;
  }

  /** The entry reversing each of these, if any, by the entry it reverses. */
  async reversalsOf(tenantId: string, entryIds: readonly string[]): Promise<Map<string, string>> {
    const { rows } = await this.db.tx().execute<{ id: string; reverses: string }>(sql`
      select id, reverses_entry_id as reverses from accounts.entries
       where tenant_id = ${tenantId}
         and reverses_entry_id in (select jsonb_array_elements_text(${JSON.stringify(entryIds)}::jsonb)::uuid)`);
    return new Map(rows.map((r) => [r.reverses, r.id]));
  }

  async deleteDraft(tenantId: string, id: string, version: number): Promise<boolean> {
    await this.db.tx().execute(sql`
      delete from accounts.entry_lines where tenant_id = ${tenantId} and entry_id = ${id}`);
    return this.remove(tenantId, id, version);
  }

  async journals(tenantId: string) {
    const { rows } = await this.db.tx().execute<{
      id: string;
      code: string;
      name: string;
      kind: 'sales' | 'purchases' | 'cash' | 'bank' | 'general';
    }>(sql`
      select id, code, name, kind from accounts.journals
       where tenant_id = ${tenantId} order by code`);
    return rows;
  }

  /** Posted entries between two days in book order, after a (date, place) cursor. */
  async book(
    tenantId: string,
    from: string,
    to: string,
    after: { date: string; seq: number } | null,
    limit: number,
  ): Promise<EntryRow[]> {
    return this.db
      .tx()
      .select()
      .from(entries)
      .where(
        sql`${entries.tenantId} = ${tenantId} and ${entries.state} = 'posted'
            and ${entries.entryDate} between ${from} and ${to}
            ${after ? sql`and (${entries.entryDate}, ${entries.chainSeq}) > (${after.date}, ${after.seq})` : sql``}`,
      )
      .orderBy(entries.entryDate, entries.chainSeq)
      .limit(limit);
  }
}
