import { Module } from '@nestjs/common';
import { RecordWrites } from '@nexo/records';
import { AccountController } from './account/account.controller.js';
import { AccountRepository } from './account/account.repository.js';
import { AccountService } from './account/account.service.js';

/** Accounts: accounts (`accounts` schema). */
@Module({
  controllers: [AccountController],
  providers: [RecordWrites, AccountRepository, AccountService],
  exports: [AccountService],
})
export class AccountsModule {}
