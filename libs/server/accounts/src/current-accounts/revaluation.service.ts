import { Inject, Injectable } from '@nestjs/common';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { ExchangeRates, TenantDirectory } from '@nexo/tenancy';
import { decimal, decimalString, minorUnits, newId, roundDecimal } from '@nexo/utils';
import { isDay } from '../ledger/ledger.policy.js';
import { Ledger } from '../ledger/ledger.service.js';
import type { LedgerLineInput } from '../ledger/ledger.types.js';
import { LedgerReportsRepository } from '../reports/ledger-reports.repository.js';

export const REVALUATION_SOURCE = 'accounts.revaluation';

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The month-end revaluation (erp.md §1): what is open in foreign currencies is restated at the
 * day's rates; the difference with what it was booked at goes to exchange gains or losses as
 * an unrealized difference, in one entry that is reversed the next day, so the documents'
 * own values (and the realized difference when they are settled) stay as they were.
 */
@Injectable()
export class RevaluationService {
  constructor(
    @Inject(LedgerReportsRepository) private readonly reports: LedgerReportsRepository,
    @Inject(Ledger) private readonly ledger: Ledger,
    @Inject(ExchangeRates) private readonly rates: ExchangeRates,
    @Inject(TenantDirectory) private readonly tenants: TenantDirectory,
  ) {}

  async revalue(date: string) {
    const { tenantId } = currentPrincipal();
    if (!isDay(date))
      throw DomainError.validation([{ path: 'date', code: 'invalid_date', message: 'A date' }]);
    if (await this.reports.revaluedOn(tenantId, date))
      throw new DomainError('already_revalued', `Foreign currencies were revalued on ${date}`);
    const company = await this.tenants.currentOf(tenantId);
    const minor = minorUnits(company.currency);
    const open = await this.reports.foreignOpen(tenantId, company.currency, date);
    const rateOf = new Map<string, string>();
    for (const currency of new Set(open.map((o) => o.currency))) {
      const rate = await this.rates.rateOn(currency, date);
      if (!rate)
        throw new DomainError('no_exchange_rate', `No ${currency} rate on or before ${date}`);
      rateOf.set(currency, rate.rate);
    }
    const lines = open.map((o) => {
      const rate = rateOf.get(o.currency) ?? '1';
      const revalued = roundDecimal(decimal(o.open).times(rate), minor);
      return {
        ...o,
        rate,
        revalued: decimalString(revalued),
        difference: decimalString(revalued.minus(o.booked)),
      };
    });
    const moved = lines.filter((l) => !decimal(l.difference).isZero());
    if (!moved.length) return { date, entryId: null, reversalId: null, lines };
    const entryLines: LedgerLineInput[] = moved.flatMap((l) => {
      const amount = decimalString(decimal(l.difference).abs());
      const gain = decimal(l.difference).isPositive();
      return [
        {
          accountId: l.accountId,
          partyId: l.partyId,
          currency: l.currency,
          amountCurrency: '0',
          ...(gain ? { debit: amount } : { credit: amount }),
        },
        gain
          ? { purpose: 'exchange_gain' as const, credit: amount }
          : { purpose: 'exchange_loss' as const, debit: amount },
      ];
    });
    const entry = await this.ledger.post({
      journal: 'general',
      date,
      description: `Revaluation of foreign currencies on ${date}`,
      sourceType: REVALUATION_SOURCE,
      sourceId: newId(),
      lines: entryLines,
    });
    const reversal = await this.ledger.reverse(entry.id, { date: nextDay(date) });
    return { date, entryId: entry.id, reversalId: reversal.id, lines };
  }
}
