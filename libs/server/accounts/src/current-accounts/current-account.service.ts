import { Inject, Injectable } from '@nestjs/common';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { TenantDirectory } from '@nexo/tenancy';
import { decimal, decimalString } from '@nexo/utils';
import { isDay } from '../ledger/ledger.policy.js';
import { LedgerReportsRepository } from '../reports/ledger-reports.repository.js';
import { Allocations, type AllocationPair } from './allocations.service.js';
import { OpenItemsRepository } from './open-items.repository.js';

function assertPeriod(from: string, to: string): void {
  if (!isDay(from) || !isDay(to) || from > to)
    throw DomainError.validation([
      { path: 'from', code: 'invalid_period', message: 'A period: from on or before to' },
    ]);
}

/** A party's current account as people read it, and the allocations they make. */
@Injectable()
export class CurrentAccountService {
  constructor(
    @Inject(LedgerReportsRepository) private readonly reports: LedgerReportsRepository,
    @Inject(OpenItemsRepository) private readonly items: OpenItemsRepository,
    @Inject(Allocations) private readonly allocations: Allocations,
    @Inject(TenantDirectory) private readonly tenants: TenantDirectory,
  ) {}

  private async assertParty(tenantId: string, partyId: string): Promise<void> {
    if (!(await this.reports.partyExists(tenantId, partyId))) throw DomainError.notFound('Party');
  }

  /** Balance per currency (signed: what the party owes) and its open items on a day. */
  async currentAccount(partyId: string, query: { asOf?: string; items?: 'open' | 'all' }) {
    const { tenantId } = currentPrincipal();
    await this.assertParty(tenantId, partyId);
    const asOf = query.asOf ?? (await this.tenants.currentOf(tenantId)).today;
    const all = await this.reports.openItems(tenantId, partyId, asOf, true);
    const balances = new Map<string, ReturnType<typeof decimal>>();
    for (const item of all) {
      const signed = item.side === 'debit' ? decimal(item.open) : decimal(item.open).negated();
      balances.set(item.currency, (balances.get(item.currency) ?? decimal('0')).plus(signed));
    }
    return {
      partyId,
      asOf,
      balances: [...balances].map(([currency, balance]) => ({
        currency,
        balance: decimalString(balance),
      })),
      items: query.items === 'all' ? all : all.filter((i) => !decimal(i.open).isZero()),
    };
  }

  /** Opening balance, the party's lines with running balance, closing; company currency. */
  async statement(partyId: string, from: string, to: string) {
    const { tenantId } = currentPrincipal();
    assertPeriod(from, to);
    await this.assertParty(tenantId, partyId);
    const company = await this.tenants.currentOf(tenantId);
    const opening = await this.reports.openingOf(tenantId, { partyId }, from);
    const lines = await this.reports.lines(tenantId, { partyId }, from, to, opening);
    return {
      from,
      to,
      currency: company.currency,
      opening,
      closing: lines.at(-1)?.balance ?? opening,
      lines,
    };
  }

  async listAllocations(partyId: string) {
    const { tenantId } = currentPrincipal();
    await this.assertParty(tenantId, partyId);
    return { items: await this.items.allocationsOf(tenantId, partyId) };
  }

  async allocate(partyId: string, input: { date?: string; allocations: AllocationPair[] }) {
    await this.assertParty(currentPrincipal().tenantId, partyId);
    return { items: await this.allocations.allocate(partyId, input.allocations, input.date) };
  }

  undo(id: string, date?: string) {
    return this.allocations.undo(id, date);
  }
}

export { assertPeriod };
