import { Inject, Injectable } from '@nestjs/common';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal, pgConstraint } from '@nexo/platform';
import { TenantDirectory } from '@nexo/tenancy';
import { decimal, decimalString, isUuid, newId } from '@nexo/utils';
import {
  PostingRulesResolver,
  type AccountRequest,
} from '../posting-rules/posting-rules.resolver.js';
import {
  entryNumber,
  imbalance,
  isDay,
  normalizeLine,
  roundingLine,
  type LineProblem,
} from './ledger.policy.js';
import { LedgerRepository, type EntryFact, type LineRow } from './ledger.repository.js';
import type { LedgerEntryInput, PostedEntry } from './ledger.types.js';

/** Who may post on or before the staff lock date: whoever may change the accounting settings. */
const LOCK_SUBJECT = 'accounts.settings';

const PARTY_TYPES = new Set(['receivable', 'payable']);

/** The database's refusals, as the errors the API speaks. */
function translate(error: unknown): unknown {
  switch (pgConstraint(error)) {
    case 'entry_period_locked':
      return new DomainError('period_locked', 'The entry’s date is inside a locked period');
    case 'entry_balanced':
      return new DomainError('entry_unbalanced', 'Debits and credits differ');
    case 'entry_posted':
      return new DomainError('entry_posted', 'A posted entry never changes: reverse it');
    case 'entries_reverses_key':
      return new DomainError('entry_already_reversed', 'The entry was reversed already');
    case 'entry_line_party':
      return DomainError.validation(
        [{ path: 'lines', code: 'party_required', message: 'Name the party' }],
        'A receivable or payable line names its party',
      );
    case 'entry_lines_party_fk':
      return DomainError.unknownReference([
        { path: 'lines', code: 'unknown_reference', message: 'No such party' },
      ]);
    case undefined:
    default:
      return error;
  }
}

/**
 * The books' one way in (erp.md §4). Sales, purchasing, inventory and production call
 * `post` inside their own transaction: the entry, its lines, its number, its place in the
 * hash chain, the account balances and the party's open items are written in that COMMIT or
 * not at all. Accounts are named by purpose where a document posts (the company's posting
 * rules answer), so no context writes an account code. The database has the last word:
 * an unbalanced entry, a locked period or a change to a posted entry never commits.
 */
@Injectable()
export class Ledger {
  constructor(
    @Inject(LedgerRepository) private readonly repository: LedgerRepository,
    @Inject(PostingRulesResolver) private readonly rules: PostingRulesResolver,
    @Inject(TenantDirectory) private readonly tenants: TenantDirectory,
    @Inject(PermissionService) private readonly permissions: PermissionService,
  ) {}

  /** Whether the company keeps its books here: it has posting rules (its chart installed). */
  keepsBooks(): Promise<boolean> {
    return this.repository.keepsBooks(currentPrincipal().tenantId);
  }

  /** Writes an entry and, unless `draft`, posts it. */
  async post(input: LedgerEntryInput): Promise<PostedEntry> {
    const { tenantId } = currentPrincipal();
    const journal = await this.repository.journal(tenantId, input.journal);
    if (!journal)
      throw DomainError.unknownReference([
        { path: 'journalId', code: 'unknown_reference', message: 'No such journal' },
      ]);
    const lines = await this.prepareLines(input);
    const id = newId();
    try {
      await this.repository.insertEntry({
        tenantId,
        id,
        journalId: journal.id,
        entryDate: input.date,
        description: input.description?.trim() || null,
        sourceType: input.sourceType ?? null,
        sourceId: input.sourceId ?? null,
        reversesEntryId: null,
      });
      await this.repository.insertLines(tenantId, id, lines);
    } catch (error) {
      throw translate(error);
    }
    if (input.draft)
      return { id, journalId: journal.id, number: null, date: input.date, state: 'draft' };
    return this.postDraft(id);
  }

  /** Replaces a draft's header and lines (manual entries, before posting). */
  async rewriteDraft(id: string, input: LedgerEntryInput): Promise<void> {
    const { tenantId } = currentPrincipal();
    const entry = await this.repository.entry(tenantId, id, true);
    if (!entry) throw DomainError.notFound('Entry');
    if (entry.state !== 'draft')
      throw new DomainError('entry_posted', 'A posted entry never changes: reverse it');
    const lines = await this.prepareLines(input);
    try {
      await this.repository.deleteLines(tenantId, id);
      await this.repository.insertLines(tenantId, id, lines);
    } catch (error) {
      throw translate(error);
    }
  }

  /** Posts a draft: checks the staff lock date, takes the journal's next number. */
  async postDraft(id: string): Promise<PostedEntry> {
    const principal = currentPrincipal();
    const entry = await this.repository.entry(principal.tenantId, id, true);
    if (!entry) throw DomainError.notFound('Entry');
    if (entry.state !== 'draft')
      throw new DomainError('entry_posted', 'The entry is posted already');
    await this.assertStaffLock(entry.entryDate);
    const journal = await this.repository.journal(principal.tenantId, { id: entry.journalId });
    if (!journal) throw DomainError.notFound('Journal');
    const year = Number(entry.entryDate.slice(0, 4));
    const value = await this.repository.nextNumber(principal.tenantId, journal.id, year);
    const number = entryNumber(journal.code, year, value);
    try {
      await this.repository.markPosted(principal.tenantId, id, number, principal.userId ?? null);
    } catch (error) {
      throw translate(error);
    }
    return { id, journalId: journal.id, number, date: entry.entryDate, state: 'posted' };
  }

  /**
   * Undoes a posted entry with its mirror (debits for credits) dated `date` (the original's
   * date when left out), posted at once; an entry is reversed once.
   */
  async reverse(
    id: string,
    options: { date?: string; description?: string } = {},
  ): Promise<PostedEntry> {
    const { tenantId } = currentPrincipal();
    const original = await this.repository.entry(tenantId, id);
    if (!original) throw DomainError.notFound('Entry');
    if (original.state !== 'posted')
      throw new DomainError('entry_not_posted', 'Only a posted entry is reversed; delete a draft');
    if (await this.repository.reversalOf(tenantId, id))
      throw new DomainError('entry_already_reversed', 'The entry was reversed already');
    const date = options.date ?? original.entryDate;
    // Reports at a past date must never see a reversal before what it reverses.
    if (!isDay(date) || date < original.entryDate) throw invalidDate('On or after the original');
    const lines = (await this.repository.lines(tenantId, id)).map((l) => mirror(l));
    const reversalId = newId();
    try {
      await this.repository.insertEntry({
        tenantId,
        id: reversalId,
        journalId: original.journalId,
        entryDate: date,
        description: options.description?.trim() || reversalDescription(original),
        sourceType: original.sourceType,
        sourceId: original.sourceId,
        reversesEntryId: original.id,
      });
      await this.repository.insertLines(tenantId, reversalId, lines);
    } catch (error) {
      throw translate(error);
    }
    return this.postDraft(reversalId);
  }

  private async assertStaffLock(date: string): Promise<void> {
    const { tenantId } = currentPrincipal();
    const staffLock = await this.repository.staffLockDate(tenantId);
    if (!staffLock || date > staffLock) return;
    const ability = await this.permissions.current();
    if (!ability.can('update', LOCK_SUBJECT))
      throw new DomainError(
        'period_locked',
        `Entries up to ${staffLock} are closed to all but the accountants`,
      );
  }

  /** Checks and settles the lines: accounts resolved, amounts filled, rounding absorbed. */
  private async prepareLines(input: LedgerEntryInput): Promise<LineRow[]> {
    const { tenantId } = currentPrincipal();
    if (!isDay(input.date)) throw invalidDate();
    const company = await this.tenants.currentOf(tenantId);
    const problems: LineProblem[] = [];
    if (!input.lines.length)
      problems.push({ path: 'lines', code: 'required', message: 'At least two lines' });
    const normalized = input.lines.map((l, i) => normalizeLine(l, i, company.currency, problems));
    const difference = imbalance(normalized);
    const rounding = roundingLine(difference, company.currency, input.roundingTolerance ?? 0);

    const requests: AccountRequest[] = input.lines.flatMap((l) =>
      l.accountId ? [] : l.purpose ? [{ purpose: l.purpose, match: l.match }] : [],
    );
    if (rounding) requests.push({ purpose: 'rounding' });
    const resolved = await this.rules.resolve(tenantId, requests);
    const accountIds = input.lines.map((l, i) => {
      if (l.accountId) {
        if (!isUuid(l.accountId))
          problems.push({ path: `lines.${i}.accountId`, code: 'invalid_id', message: 'A uuid' });
        return l.accountId;
      }
      if (!l.purpose) {
        problems.push({
          path: `lines.${i}.accountId`,
          code: 'required',
          message: 'An account or a purpose',
        });
        return null;
      }
      const found = resolved.get(
        PostingRulesResolver.keyOf({ purpose: l.purpose, match: l.match }),
      );
      if (!found)
        problems.push({
          path: `lines.${i}.purpose`,
          code: 'no_posting_rule',
          message: `No account is set for ${l.purpose}`,
        });
      return found ?? null;
    });
    const roundingAccount = rounding ? resolved.get('rounding||') : undefined;
    if (rounding && !roundingAccount)
      problems.push({ path: 'lines', code: 'no_posting_rule', message: 'No rounding account' });
    if (!rounding && !difference.isZero() && !problems.length)
      throw new DomainError(
        'entry_unbalanced',
        `Debits and credits differ by ${decimalString(difference)}`,
      );

    const facts = await this.repository.accounts(tenantId, [
      ...new Set(accountIds.filter((a): a is string => a !== null && isUuid(a))),
    ]);
    accountIds.forEach((accountId, i) => {
      if (!accountId || !isUuid(accountId)) return;
      const fact = facts.get(accountId);
      const path = `lines.${i}.accountId`;
      if (!fact) problems.push({ path, code: 'unknown_reference', message: 'No such account' });
      else if (fact.heading || !fact.active)
        problems.push({
          path,
          code: 'account_not_postable',
          message: `${fact.code} is a heading or inactive: it takes no entries`,
        });
      else if (PARTY_TYPES.has(fact.type) && !input.lines[i]?.partyId)
        problems.push({
          path: `lines.${i}.partyId`,
          code: 'party_required',
          message: `A ${fact.type} line names its party`,
        });
    });
    if (problems.length) throw DomainError.validation(problems, 'The entry is not valid');

    const rows: LineRow[] = normalized.map((l, i) => ({
      id: newId(),
      accountId: accountIds[i] as string,
      partyId: input.lines[i]?.partyId ?? null,
      ...l,
    }));
    if (rounding && roundingAccount)
      rows.push({
        id: newId(),
        accountId: roundingAccount,
        partyId: null,
        ...rounding,
        currency: company.currency,
        amountCurrency: decimalString(decimal(rounding.debit).minus(rounding.credit)),
        rate: '1',
        dueDate: null,
        description: null,
      });
    return rows;
  }
}

function mirror(line: LineRow): LineRow {
  return {
    ...line,
    id: newId(),
    debit: line.credit,
    credit: line.debit,
    amountCurrency: decimalString(decimal(line.amountCurrency).negated()),
  };
}

function reversalDescription(entry: EntryFact): string {
  return `Reversal of ${entry.number ?? entry.id}`;
}

function invalidDate(message = 'A date (YYYY-MM-DD)'): DomainError {
  return DomainError.validation([{ path: 'date', code: 'invalid_date', message }]);
}
