import { Inject, Injectable } from '@nestjs/common';
import { DomainError, currentPrincipal, pgConstraint } from '@nexo/platform';
import { TenantDirectory } from '@nexo/tenancy';
import { decimal, decimalString, newId } from '@nexo/utils';
import { isDay } from '../ledger/ledger.policy.js';
import { Ledger } from '../ledger/ledger.service.js';
import type { PostedEntry } from '../ledger/ledger.types.js';
import { companyShare, exchangeDifference } from './allocation.policy.js';
import {
  OpenItemsRepository,
  type AllocationRow,
  type OpenItemRow,
} from './open-items.repository.js';

export interface AllocationPair {
  debitItemId: string;
  creditItemId: string;
  /** In the items' currency; what is left open on both when left out. */
  amount?: string;
}

const AMOUNT = /^\d{1,16}(\.\d{1,4})?$/;
export const EXCHANGE_SOURCE = 'accounts.exchange_difference';

function overAllocated(): DomainError {
  return new DomainError('over_allocated', 'The allocation exceeds what is open on an item');
}

/**
 * Allocations tie credit items (payments, credit notes) to debit items (invoices) of one
 * party (erp.md §4): partial, several at once, undone by adding the opposite row. The items
 * are locked in key order before any row is written, and the residual CHECKs refuse more
 * than is open, so concurrent allocations to one invoice never over-allocate it. A realized
 * exchange difference is posted with the allocation, in the same transaction.
 */
@Injectable()
export class Allocations {
  constructor(
    @Inject(OpenItemsRepository) private readonly items: OpenItemsRepository,
    @Inject(Ledger) private readonly ledger: Ledger,
    @Inject(TenantDirectory) private readonly tenants: TenantDirectory,
  ) {}

  async allocate(
    partyId: string,
    pairs: readonly AllocationPair[],
    day?: string,
  ): Promise<AllocationRow[]> {
    const { tenantId, userId } = currentPrincipal();
    const company = await this.tenants.currentOf(tenantId);
    // Today where the company is, not in UTC: late in the evening they differ.
    const date = day ?? company.today;
    if (!isDay(date))
      throw DomainError.validation([{ path: 'date', code: 'invalid_date', message: 'A date' }]);
    if (!pairs.length)
      throw DomainError.validation([
        { path: 'allocations', code: 'required', message: 'At least one allocation' },
      ]);
    const ids = [...new Set(pairs.flatMap((p) => [p.debitItemId, p.creditItemId]))].sort();
    const locked = await this.items.lock(tenantId, ids);
    await this.assertInOrder(tenantId, ids, date);
    const written: AllocationRow[] = [];
    for (const [index, pair] of pairs.entries()) {
      const debit = locked.get(pair.debitItemId);
      const credit = locked.get(pair.creditItemId);
      const path = `allocations.${index}`;
      if (!debit || !credit || debit.partyId !== partyId || credit.partyId !== partyId)
        throw DomainError.unknownReference([
          { path, code: 'unknown_reference', message: 'No such open item of the party' },
        ]);
      if (debit.side !== 'debit' || credit.side !== 'credit' || debit.currency !== credit.currency)
        throw DomainError.validation([
          {
            path,
            code: 'allocation_mismatch',
            message: 'A debit item with a credit item of one currency',
          },
        ]);
      // Aging at a past date counts an allocation from its day: both items exist by then.
      if (date < debit.documentDate || date < credit.documentDate)
        throw DomainError.validation([
          {
            path: 'date',
            code: 'before_document',
            message: 'An allocation is dated on or after both documents',
          },
        ]);
      const open = decimal(debit.residualCurrency).lessThan(credit.residualCurrency)
        ? decimal(debit.residualCurrency)
        : decimal(credit.residualCurrency);
      if (pair.amount !== undefined && !AMOUNT.test(pair.amount))
        throw DomainError.validation([
          { path: `${path}.amount`, code: 'invalid_amount', message: 'A positive amount' },
        ]);
      const amount = pair.amount === undefined ? open : decimal(pair.amount);
      if (amount.isZero() || amount.greaterThan(open)) throw overAllocated();
      const amountDebit = companyShare(debit, amount, company.currency);
      const amountCredit = companyShare(credit, amount, company.currency);
      const row: AllocationRow = {
        id: newId(),
        partyId,
        debitItemId: debit.id,
        creditItemId: credit.id,
        currency: debit.currency,
        amountCurrency: decimalString(amount),
        amountDebit,
        amountCredit,
        allocatedOn: date,
        undoesId: null,
        exchangeEntryId: null,
      };
      const difference = exchangeDifference(amountDebit, amountCredit);
      if (!difference.isZero())
        row.exchangeEntryId = (await this.postDifference(debit, difference, date, row.id)).id;
      await this.write(tenantId, row, userId);
      settle(debit, amount, amountDebit);
      settle(credit, amount, amountCredit);
      written.push(row);
    }
    return written;
  }

  /** Undoes an allocation: adds its opposite, reverses its exchange difference. */
  async undo(allocationId: string, date?: string): Promise<AllocationRow> {
    const { tenantId, userId } = currentPrincipal();
    const original = await this.items.allocation(tenantId, allocationId);
    if (!original || original.undoesId) throw DomainError.notFound('Allocation');
    const ids = [original.debitItemId, original.creditItemId].sort();
    await this.items.lock(tenantId, ids);
    if (await this.items.undoneBy(tenantId, allocationId))
      throw new DomainError('already_undone', 'The allocation was undone already');
    const day = date ?? (await this.tenants.currentOf(tenantId)).today;
    if (!isDay(day))
      throw DomainError.validation([{ path: 'date', code: 'invalid_date', message: 'A date' }]);
    await this.assertInOrder(tenantId, ids, day);
    if (original.exchangeEntryId)
      await this.ledger.reverse(original.exchangeEntryId, { date: day });
    const row: AllocationRow = {
      ...original,
      id: newId(),
      amountCurrency: negate(original.amountCurrency),
      amountDebit: negate(original.amountDebit),
      amountCredit: negate(original.amountCredit),
      allocatedOn: day,
      undoesId: original.id,
      exchangeEntryId: null,
    };
    await this.write(tenantId, row, userId);
    return row;
  }

  /**
   * Reverses a posted entry and settles each of its open items with its mirror, so the
   * party's current account shows both closed (what the original left open, that is).
   */
  async reverseEntry(
    entryId: string,
    options: { date?: string; description?: string } = {},
  ): Promise<PostedEntry> {
    const { tenantId } = currentPrincipal();
    const reversal = await this.ledger.reverse(entryId, options);
    const originals = await this.items.ofEntry(tenantId, entryId);
    const mirrors = await this.items.ofEntry(tenantId, reversal.id);
    const byParty = new Map<string, { debitItemId: string; creditItemId: string }[]>();
    originals.forEach((item, i) => {
      const mirror = mirrors[i];
      if (!mirror || decimal(item.residualCurrency).isZero()) return;
      const [debit, credit] = item.side === 'debit' ? [item, mirror] : [mirror, item];
      const pairs = byParty.get(item.partyId) ?? [];
      pairs.push({ debitItemId: debit.id, creditItemId: credit.id });
      byParty.set(item.partyId, pairs);
    });
    for (const [partyId, pairs] of byParty) await this.allocate(partyId, pairs, reversal.date);
    return reversal;
  }

  /**
   * An item's allocations are dated in the order they are made: a report at a past date then
   * never counts a later allocation without the undoing that made room for it.
   */
  private async assertInOrder(tenantId: string, ids: readonly string[], date: string) {
    const last = await this.items.lastAllocatedOn(tenantId, ids);
    if (last && date < last)
      throw DomainError.validation([
        {
          path: 'date',
          code: 'before_allocation',
          message: `On or after ${last}, the last allocation of these documents`,
        },
      ]);
  }

  private async write(tenantId: string, row: AllocationRow, userId: string | undefined) {
    try {
      await this.items.insertAllocation(tenantId, row, userId ?? null);
    } catch (error) {
      if (pgConstraint(error) === 'open_items_residual_check') throw overAllocated();
      throw error;
    }
  }

  private postDifference(
    debit: OpenItemRow,
    difference: ReturnType<typeof exchangeDifference>,
    date: string,
    allocationId: string,
  ) {
    const amount = decimalString(difference.abs());
    const loss = difference.isPositive();
    return this.ledger.post({
      journal: 'general',
      date,
      description: 'Realized exchange difference',
      sourceType: EXCHANGE_SOURCE,
      sourceId: allocationId,
      lines: [
        {
          accountId: debit.accountId,
          partyId: debit.partyId,
          currency: debit.currency,
          amountCurrency: '0',
          ...(loss ? { credit: amount } : { debit: amount }),
        },
        {
          purpose: loss ? 'exchange_loss' : 'exchange_gain',
          ...(loss ? { debit: amount } : { credit: amount }),
        },
      ],
    });
  }
}

function negate(value: string): string {
  return decimalString(decimal(value).negated());
}

/** Keeps the locked copy in step with the row the database just changed. */
function settle(item: OpenItemRow, amountCurrency: ReturnType<typeof decimal>, amount: string) {
  item.residualCurrency = decimalString(decimal(item.residualCurrency).minus(amountCurrency));
  item.residual = decimalString(decimal(item.residual).minus(amount));
}
