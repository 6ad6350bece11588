import { Module } from '@nestjs/common';
import { RecordWrites } from '@nexo/records';
import { TenantDirectory } from '@nexo/tenancy';
import { AccountController } from './account/account.controller.js';
import { AccountRepository } from './account/account.repository.js';
import { AccountService } from './account/account.service.js';
import { ChainVerifier } from './chain/chain-verifier.js';
import { Allocations } from './current-accounts/allocations.service.js';
import { CurrentAccountController } from './current-accounts/current-account.controller.js';
import { CurrentAccountService } from './current-accounts/current-account.service.js';
import { OpenItemsRepository } from './current-accounts/open-items.repository.js';
import { PaymentsService } from './current-accounts/payments.service.js';
import { RevaluationService } from './current-accounts/revaluation.service.js';
import { EntryController } from './entries/entry.controller.js';
import { EntryRepository } from './entries/entry.repository.js';
import { EntryService } from './entries/entry.service.js';
import { LedgerRepository } from './ledger/ledger.repository.js';
import { Ledger } from './ledger/ledger.service.js';
import { PostingRulesResolver } from './posting-rules/posting-rules.resolver.js';
import { LedgerReportsController } from './reports/ledger-reports.controller.js';
import { LedgerReportsRepository } from './reports/ledger-reports.repository.js';
import { LedgerReportsService } from './reports/ledger-reports.service.js';
import { AccountingSettingsController } from './settings/accounting-settings.controller.js';
import { AccountingSettingsRepository } from './settings/accounting-settings.repository.js';
import { AccountingSettingsService } from './settings/accounting-settings.service.js';
import { BooksInstaller } from './setup/books-installer.js';

/** Accounts: the chart, the ledger, current accounts and their reports (`accounts` schema). */
@Module({
  controllers: [
    AccountController,
    EntryController,
    AccountingSettingsController,
    CurrentAccountController,
    LedgerReportsController,
  ],
  providers: [
    TenantDirectory,
    RecordWrites,
    AccountRepository,
    AccountService,
    LedgerRepository,
    Ledger,
    PostingRulesResolver,
    OpenItemsRepository,
    Allocations,
    ChainVerifier,
    LedgerReportsRepository,
    LedgerReportsService,
    BooksInstaller,
    EntryRepository,
    EntryService,
    AccountingSettingsRepository,
    AccountingSettingsService,
    CurrentAccountService,
    PaymentsService,
    RevaluationService,
  ],
  exports: [
    AccountService,
    Ledger,
    Allocations,
    BooksInstaller,
    ChainVerifier,
    PostingRulesResolver,
  ],
})
export class AccountsModule {}
