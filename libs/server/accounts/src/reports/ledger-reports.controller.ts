import { Controller, Inject, Param, Query } from '@nestjs/common';
import type { RouteParams, RouteQuery, RouteResult } from '@nexo/contracts';
import { AccountsRoutes as R } from '@nexo/contracts/accounts';
import { Route } from '@nexo/platform';
import { LedgerReportsService } from './ledger-reports.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** Thin: one service call per route. */
@Controller()
export class LedgerReportsController {
  constructor(@Inject(LedgerReportsService) private readonly reports: LedgerReportsService) {}

  @Route(R.trialBalance)
  trialBalance(@Query() q: RouteQuery<typeof R.trialBalance>): Result<typeof R.trialBalance> {
    return this.reports.trialBalance(q.from, q.to) as Result<typeof R.trialBalance>;
  }

  @Route(R.generalLedger)
  generalLedger(@Query() q: RouteQuery<typeof R.generalLedger>): Result<typeof R.generalLedger> {
    return this.reports.generalLedger(q.accountId, q.from, q.to);
  }

  @Route(R.journalBook)
  journalBook(@Query() q: RouteQuery<typeof R.journalBook>): Result<typeof R.journalBook> {
    return this.reports.journalBook(q.from, q.to, q.cursor, q.limit) as Result<
      typeof R.journalBook
    >;
  }

  @Route(R.profitAndLoss)
  profitAndLoss(@Query() q: RouteQuery<typeof R.profitAndLoss>): Result<typeof R.profitAndLoss> {
    return this.reports.profitAndLoss(q);
  }

  @Route(R.balanceSheet)
  balanceSheet(@Query() q: RouteQuery<typeof R.balanceSheet>): Result<typeof R.balanceSheet> {
    return this.reports.balanceSheet(q);
  }

  @Route(R.aging)
  aging(@Query() q: RouteQuery<typeof R.aging>): Result<typeof R.aging> {
    return this.reports.aging(q.kind, q.asOf, q.buckets);
  }

  @Route(R.exportReport)
  export(
    @Param() p: RouteParams<typeof R.exportReport>,
    @Query() q: RouteQuery<typeof R.exportReport>,
  ): Result<typeof R.exportReport> {
    return this.reports.export(p.report, q);
  }
}
