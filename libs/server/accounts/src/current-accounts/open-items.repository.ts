import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { sql } from 'drizzle-orm';

export interface OpenItemRow {
  id: string;
  entryId: string;
  partyId: string;
  accountId: string;
  side: 'debit' | 'credit';
  currency: string;
  amount: string;
  amountCurrency: string;
  residual: string;
  residualCurrency: string;
  documentDate: string;
  dueDate: string;
}

export interface AllocationRow {
  id: string;
  partyId: string;
  debitItemId: string;
  creditItemId: string;
  currency: string;
  amountCurrency: string;
  amountDebit: string;
  amountCredit: string;
  allocatedOn: string;
  undoesId: string | null;
  exchangeEntryId: string | null;
}

const ITEM_COLUMNS = sql`id, entry_id as "entryId", party_id as "partyId",
  account_id as "accountId", side, currency, trim_scale(amount)::text as amount, trim_scale(amount_currency)::text as "amountCurrency",
  trim_scale(residual)::text as residual, trim_scale(residual_currency)::text as "residualCurrency",
  document_date::text as "documentDate", due_date::text as "dueDate"`;

/** Open items and the allocation ledger, in the caller's transaction. */
@Injectable()
export class OpenItemsRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  private get tx() {
    return this.database.tx();
  }

  /** Locks the items in key order, so two allocations never wait on each other in a cycle. */
  async lock(tenantId: string, ids: readonly string[]): Promise<Map<string, OpenItemRow>> {
    if (!ids.length) return new Map();
    const { rows } = await this.tx.execute<OpenItemRow & Record<string, unknown>>(sql`
      select ${ITEM_COLUMNS} from accounts.open_items
       where tenant_id = ${tenantId}
         and id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)
       order by id for update`);
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The latest day any allocation (or undoing) of these items is dated; null when none. */
  async lastAllocatedOn(tenantId: string, ids: readonly string[]): Promise<string | null> {
    const { rows } = await this.tx.execute<{ day: string | null }>(sql`
      with items as (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid as id)
      select max(a.allocated_on)::text as day from accounts.allocations a
       where a.tenant_id = ${tenantId}
         and (a.debit_item_id in (select id from items) or a.credit_item_id in (select id from items))`);
    return rows[0]?.day ?? null;
  }

  async ofEntry(tenantId: string, entryId: string): Promise<OpenItemRow[]> {
    const { rows } = await this.tx.execute<OpenItemRow & Record<string, unknown>>(sql`
      select ${ITEM_COLUMNS} from accounts.open_items i
       where tenant_id = ${tenantId} and entry_id = ${entryId}
       order by (select position from accounts.entry_lines l
                  where l.tenant_id = i.tenant_id and l.id = i.entry_line_id)`);
    return rows;
  }

  async insertAllocation(tenantId: string, row: AllocationRow, userId: string | null) {
    await this.tx.execute(sql`
      insert into accounts.allocations (tenant_id, id, party_id, debit_item_id, credit_item_id,
        currency, amount_currency, amount_debit, amount_credit, allocated_on, undoes_id,
        exchange_entry_id, created_by)
      values (${tenantId}, ${row.id}, ${row.partyId}, ${row.debitItemId}, ${row.creditItemId},
        ${row.currency}, ${row.amountCurrency}, ${row.amountDebit}, ${row.amountCredit},
        ${row.allocatedOn}, ${row.undoesId}, ${row.exchangeEntryId}, ${userId})`);
  }

  async allocation(tenantId: string, id: string): Promise<AllocationRow | null> {
    const { rows } = await this.tx.execute<AllocationRow & Record<string, unknown>>(sql`
      select id, party_id as "partyId", debit_item_id as "debitItemId",
             credit_item_id as "creditItemId", currency, trim_scale(amount_currency)::text as "amountCurrency",
             trim_scale(amount_debit)::text as "amountDebit", trim_scale(amount_credit)::text as "amountCredit",
             allocated_on::text as "allocatedOn", undoes_id as "undoesId",
             exchange_entry_id as "exchangeEntryId"
        from accounts.allocations where tenant_id = ${tenantId} and id = ${id}`);
    return rows[0] ?? null;
  }

  async allocationsOf(tenantId: string, partyId: string): Promise<AllocationRow[]> {
    const { rows } = await this.tx.execute<AllocationRow & Record<string, unknown>>(sql`
      select id, party_id as "partyId", debit_item_id as "debitItemId",
             credit_item_id as "creditItemId", currency,
             trim_scale(amount_currency)::text as "amountCurrency",
             trim_scale(amount_debit)::text as "amountDebit",
             trim_scale(amount_credit)::text as "amountCredit",
             allocated_on::text as "allocatedOn", undoes_id as "undoesId",
             exchange_entry_id as "exchangeEntryId"
        from accounts.allocations where tenant_id = ${tenantId} and party_id = ${partyId}
       order by allocated_on desc, created_at desc limit 500`);
    return rows;
  }

  async undoneBy(tenantId: string, id: string): Promise<string | null> {
    const { rows } = await this.tx.execute<{ id: string }>(sql`
      select id from accounts.allocations where tenant_id = ${tenantId} and undoes_id = ${id}`);
    return rows[0]?.id ?? null;
  }
}
