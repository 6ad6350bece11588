import { Global, Module } from '@nestjs/common';
import { AccountsModule } from '@nexo/accounts';
import { STOCK_VALUATION_SINK } from '@nexo/inventory';
import { StockValuationLedger } from './stock-valuation.ledger.js';

/** Binds inventory's valuation seam to the books when both contexts run in the process. */
@Global()
@Module({
  imports: [AccountsModule],
  providers: [{ provide: STOCK_VALUATION_SINK, useClass: StockValuationLedger }],
  exports: [STOCK_VALUATION_SINK],
})
export class StockValuationModule {}
