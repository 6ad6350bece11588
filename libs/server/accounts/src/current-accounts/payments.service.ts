import { Inject, Injectable } from '@nestjs/common';
import type { RecordPaymentInput } from '@nexo/contracts/accounts';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { decimal, decimalString } from '@nexo/utils';
import { Ledger } from '../ledger/ledger.service.js';
import type { LedgerLineInput } from '../ledger/ledger.types.js';
import { LedgerReportsRepository } from '../reports/ledger-reports.repository.js';
import { Allocations, type AllocationPair } from './allocations.service.js';
import { OpenItemsRepository } from './open-items.repository.js';
import { methodPurpose, paymentJournal, type PaymentKind } from './payments.policy.js';

/**
 * Receipts from customers and payments to suppliers, as a cashier records them: the money
 * by method booked against the party's receivable (or payable), then allocated to the
 * documents it settles; the entry and the allocations commit together or not at all. What
 * is not allocated stays on account as an open item of its own.
 */
@Injectable()
export class PaymentsService {
  constructor(
    @Inject(Ledger) private readonly ledger: Ledger,
    @Inject(Allocations) private readonly allocations: Allocations,
    @Inject(OpenItemsRepository) private readonly items: OpenItemsRepository,
    @Inject(LedgerReportsRepository) private readonly reports: LedgerReportsRepository,
  ) {}

  async record(kind: PaymentKind, input: RecordPaymentInput) {
    const { tenantId } = currentPrincipal();
    if (!(await this.reports.partyExists(tenantId, input.partyId)))
      throw DomainError.unknownReference([
        { path: 'partyId', code: 'unknown_reference', message: 'No such party' },
      ]);
    const total = input.methods.reduce((sum, m) => sum.plus(m.amount), decimal('0'));
    if (total.isZero())
      throw DomainError.validation([
        { path: 'methods', code: 'invalid_amount', message: 'Some money changes hands' },
      ]);
    const receipt = kind === 'receipt';
    const money: LedgerLineInput[] = input.methods.map((m) => ({
      ...(m.accountId ? { accountId: m.accountId } : { purpose: methodPurpose(kind, m.method) }),
      [receipt ? 'debit' : 'credit']: m.amount,
      description: [m.method, m.reference].filter(Boolean).join(' '),
    }));
    const party: LedgerLineInput = {
      purpose: receipt ? 'receivable' : 'payable',
      partyId: input.partyId,
      [receipt ? 'credit' : 'debit']: decimalString(total),
      dueDate: input.date,
    };
    const entry = await this.ledger.post({
      journal: paymentJournal(input.methods),
      date: input.date,
      description: input.description ?? (receipt ? 'Receipt' : 'Payment'),
      sourceType: receipt ? 'accounts.receipt' : 'accounts.payment',
      lines: receipt ? [...money, party] : [party, ...money],
    });
    const own = (await this.items.ofEntry(tenantId, entry.id))[0];
    if (!own) throw new Error('a receipt or payment opens its item');
    const pairs: AllocationPair[] = (input.settles ?? []).map((s) => ({
      debitItemId: receipt ? s.itemId : own.id,
      creditItemId: receipt ? own.id : s.itemId,
      ...(s.amount ? { amount: s.amount } : {}),
    }));
    const allocated = pairs.length
      ? await this.allocations.allocate(input.partyId, pairs, input.date)
      : [];
    const used = allocated.reduce((sum, a) => sum.plus(a.amountCurrency), decimal('0'));
    return {
      entryId: entry.id,
      number: entry.number ?? '',
      itemId: own.id,
      total: decimalString(total),
      unallocated: decimalString(total.minus(used)),
      allocations: allocated,
    };
  }
}
