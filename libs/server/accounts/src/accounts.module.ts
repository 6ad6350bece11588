import { Module } from '@nestjs/common';
import { RecordWrites } from '@nexo/records';
import { TenantDirectory } from '@nexo/tenancy';
import { AccountController } from './account/account.controller.js';
import { AccountRepository } from './account/account.repository.js';
import { AccountService } from './account/account.service.js';
import { ChainVerifier } from './chain/chain-verifier.js';
import { Allocations } from './current-accounts/allocations.service.js';
import { OpenItemsRepository } from './current-accounts/open-items.repository.js';
import { LedgerRepository } from './ledger/ledger.repository.js';
import { Ledger } from './ledger/ledger.service.js';
import { PostingRulesResolver } from './posting-rules/posting-rules.resolver.js';
import { LedgerReportsRepository } from './reports/ledger-reports.repository.js';
import { BooksInstaller } from './setup/books-installer.js';

/** Accounts: the chart, the ledger, current accounts and their reports (`accounts` schema). */
@Module({
  controllers: [AccountController],
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
    BooksInstaller,
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
