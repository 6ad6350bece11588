import { Inject, Injectable } from '@nestjs/common';
import type { CreateEntryInput, UpdateEntryInput } from '@nexo/contracts/accounts';
import { parseListQuery, type ListPage } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { RecordWrites } from '@nexo/records';
import { decimal, decimalString } from '@nexo/utils';
import { and, eq } from 'drizzle-orm';
import { Allocations } from '../current-accounts/allocations.service.js';
import { entries } from '../db/accounts.tables.js';
import { Ledger } from '../ledger/ledger.service.js';
import type { LedgerEntryInput } from '../ledger/ledger.types.js';
import { ENTRY_COLUMNS, ENTRY_LIST } from './entry.list.js';
import { EntryRepository, type EntryLineView, type EntryRow } from './entry.repository.js';

const SUBJECT = 'accounts.entry';
const NAME = 'Entry';

export type EntryView = EntryRow & {
  reversedById: string | null;
  total: string;
  lines: EntryLineView[];
};

/** Journal entries as people see them: manual entries, posting, reversal. */
@Injectable()
export class EntryService {
  constructor(
    @Inject(EntryRepository) private readonly records: EntryRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
    @Inject(Ledger) private readonly ledger: Ledger,
    @Inject(Allocations) private readonly allocations: Allocations,
  ) {}

  async journals() {
    return { items: await this.records.journals(currentPrincipal().tenantId) };
  }

  async list(query: Record<string, unknown>): Promise<ListPage<EntryRow>> {
    const list = parseListQuery(
      ENTRY_LIST,
      query,
      and(
        eq(entries.tenantId, currentPrincipal().tenantId),
        await this.permissions.where('read', SUBJECT, ENTRY_COLUMNS),
      ),
    );
    return this.records.page(list);
  }

  async get(id: string): Promise<EntryView> {
    const { tenantId } = currentPrincipal();
    const row = await this.records.byId(tenantId, id);
    if (!row) throw DomainError.notFound(NAME);
    await this.permissions.assertCan('read', SUBJECT, row);
    return this.view(row);
  }

  async view(row: EntryRow): Promise<EntryView> {
    const [view] = await this.views([row]);
    if (!view) throw new Error('an entry has its view');
    return view;
  }

  /** Entries with their lines and reversals: two statements whatever their number. */
  async views(rows: readonly EntryRow[]): Promise<EntryView[]> {
    const first = rows[0];
    if (!first) return [];
    const ids = rows.map((r) => r.id);
    const lines = await this.records.linesOf(first.tenantId, ids);
    const reversals = await this.records.reversalsOf(first.tenantId, ids);
    return rows.map((row) => {
      const own = lines.get(row.id) ?? [];
      return {
        ...row,
        reversedById: reversals.get(row.id) ?? null,
        total: decimalString(own.reduce((sum, l) => sum.plus(l.debit), decimal('0'))),
        lines: own,
      };
    });
  }

  async create(input: CreateEntryInput): Promise<EntryView> {
    const posted = await this.ledger.post({ ...toLedger(input), draft: !input.post });
    return this.get(posted.id);
  }

  async update(id: string, version: number, input: UpdateEntryInput): Promise<EntryView> {
    const { tenantId } = currentPrincipal();
    await this.writes.update({
      subject: SUBJECT,
      name: NAME,
      input,
      constraints: {},
      load: async () => {
        const row = await this.records.byId(tenantId, id);
        if (row?.state === 'posted')
          throw new DomainError('entry_posted', 'A posted entry never changes: reverse it');
        return row;
      },
      write: async () => {
        const updated = await this.records.update(tenantId, id, version, {
          ...(input.journalId ? { journalId: input.journalId } : {}),
          ...(input.date ? { entryDate: input.date } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
        });
        if (updated && input.lines)
          await this.ledger.rewriteDraft(id, {
            journal: { id: updated.journalId },
            date: updated.entryDate,
            lines: linesOf(input.lines),
          });
        return updated;
      },
    });
    return this.get(id);
  }

  remove(id: string, version: number): Promise<void> {
    const { tenantId } = currentPrincipal();
    return this.writes.remove({
      subject: SUBJECT,
      name: NAME,
      load: async () => {
        const row = await this.records.byId(tenantId, id);
        if (row?.state === 'posted')
          throw new DomainError('entry_posted', 'A posted entry is reversed, not deleted');
        return row;
      },
      remove: () => this.records.deleteDraft(tenantId, id, version),
    });
  }

  async post(id: string): Promise<EntryView> {
    const { tenantId } = currentPrincipal();
    const row = await this.records.byId(tenantId, id);
    if (!row) throw DomainError.notFound(NAME);
    await this.permissions.assertCan('transition', SUBJECT, row);
    await this.ledger.postDraft(id);
    return this.get(id);
  }

  async reverse(id: string, options: { date?: string; description?: string }): Promise<EntryView> {
    const { tenantId } = currentPrincipal();
    const row = await this.records.byId(tenantId, id);
    if (!row) throw DomainError.notFound(NAME);
    await this.permissions.assertCan('transition', SUBJECT, row);
    const reversal = await this.allocations.reverseEntry(id, options);
    return this.get(reversal.id);
  }
}

function toLedger(input: CreateEntryInput): LedgerEntryInput {
  return {
    journal: { id: input.journalId },
    date: input.date,
    description: input.description ?? null,
    sourceType: 'accounts.manual',
    lines: linesOf(input.lines),
  };
}

function linesOf(lines: CreateEntryInput['lines']): LedgerEntryInput['lines'] {
  return lines.map((l) => ({
    accountId: l.accountId,
    partyId: l.partyId ?? null,
    ...(l.debit !== undefined ? { debit: l.debit } : {}),
    ...(l.credit !== undefined ? { credit: l.credit } : {}),
    ...(l.currency !== undefined ? { currency: l.currency } : {}),
    ...(l.amountCurrency !== undefined ? { amountCurrency: l.amountCurrency } : {}),
    ...(l.rate !== undefined ? { rate: l.rate } : {}),
    dueDate: l.dueDate ?? null,
    description: l.description ?? null,
  }));
}
