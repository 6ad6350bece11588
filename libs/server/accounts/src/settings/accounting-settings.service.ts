import { Inject, Injectable } from '@nestjs/common';
import type { SetPostingRuleInput } from '@nexo/contracts/accounts';
import { AuditLog } from '@nexo/audit';
import { DomainError, currentPrincipal, pgConstraint } from '@nexo/platform';
import { TenantDirectory } from '@nexo/tenancy';
import { ChainVerifier } from '../chain/chain-verifier.js';
import { BooksInstaller } from '../setup/books-installer.js';
import { AccountingSettingsRepository } from './accounting-settings.repository.js';

const SUBJECT = 'accounts.settings';

/** The company's accounting settings: lock dates, fiscal years, posting rules, its chart. */
@Injectable()
export class AccountingSettingsService {
  constructor(
    @Inject(AccountingSettingsRepository) private readonly records: AccountingSettingsRepository,
    @Inject(BooksInstaller) private readonly installer: BooksInstaller,
    @Inject(ChainVerifier) private readonly chain: ChainVerifier,
    @Inject(TenantDirectory) private readonly tenants: TenantDirectory,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async get() {
    const { tenantId } = currentPrincipal();
    const locks = await this.records.locks(tenantId);
    return { ...locks, fiscalYears: await this.records.fiscalYears(tenantId) };
  }

  async update(input: { lockDate?: string | null; staffLockDate?: string | null }) {
    const { tenantId } = currentPrincipal();
    const before = await this.records.locks(tenantId);
    const lockDate = input.lockDate === undefined ? before.lockDate : input.lockDate;
    const staffLockDate =
      input.staffLockDate === undefined ? before.staffLockDate : input.staffLockDate;
    if (lockDate && staffLockDate && staffLockDate < lockDate)
      throw DomainError.validation([
        {
          path: 'staffLockDate',
          code: 'before_lock_date',
          message: 'The staff lock date is on or after the lock date',
        },
      ]);
    await this.records.setLocks(tenantId, lockDate, staffLockDate);
    await this.audit.record({
      action: 'update',
      resource: SUBJECT,
      resourceId: tenantId,
      before: { lockDate: before.lockDate, staffLockDate: before.staffLockDate },
      after: { lockDate, staffLockDate },
    });
    return this.get();
  }

  async openYear(year: number) {
    const { tenantId } = currentPrincipal();
    await this.installer.openYear(tenantId, year);
    const found = (await this.records.fiscalYears(tenantId)).find((y) => y.name === String(year));
    if (!found) throw DomainError.conflict(`A fiscal year starting on ${year}-01-01 exists`);
    return found;
  }

  async setPeriodLocked(id: string, locked: boolean) {
    const { tenantId } = currentPrincipal();
    const period = await this.records.setPeriodLocked(tenantId, id, locked);
    if (!period) throw DomainError.notFound('Period');
    return period;
  }

  async installChart(country: string) {
    const { tenantId } = currentPrincipal();
    const company = await this.tenants.currentOf(tenantId);
    await this.installer.install(tenantId, country, company.locale === 'en' ? 'en' : 'es');
    return this.get();
  }

  async rules() {
    return { items: await this.records.rules(currentPrincipal().tenantId) };
  }

  async setRule(input: SetPostingRuleInput) {
    const { tenantId } = currentPrincipal();
    const matchKind = input.matchKind ?? 'default';
    const matchId = matchKind === 'default' ? null : (input.matchId ?? null);
    if (matchKind !== 'default' && !matchId)
      throw DomainError.validation([
        { path: 'matchId', code: 'required', message: 'The tax rate, category or warehouse' },
      ]);
    try {
      return await this.records.setRule(tenantId, {
        purpose: input.purpose,
        matchKind,
        matchId,
        accountId: input.accountId,
      });
    } catch (error) {
      if (pgConstraint(error) === 'posting_rules_account_fk')
        throw DomainError.unknownReference([
          { path: 'accountId', code: 'unknown_reference', message: 'No such account' },
        ]);
      throw error;
    }
  }

  async deleteRule(id: string): Promise<void> {
    const outcome = await this.records.deleteRule(currentPrincipal().tenantId, id);
    if (outcome === 'missing') throw DomainError.notFound('Posting rule');
    if (outcome === 'default')
      throw DomainError.conflict('A default rule is changed, never removed');
  }

  verifyChain() {
    return this.chain.verify(currentPrincipal().tenantId);
  }
}
