import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import type { RouteBody, RouteParams, RouteQuery, RouteResult } from '@nexo/contracts';
import { AccountsRoutes as R } from '@nexo/contracts/accounts';
import { Route } from '@nexo/platform';
import { CurrentAccountService } from './current-account.service.js';
import { PaymentsService } from './payments.service.js';
import { RevaluationService } from './revaluation.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** Thin: one service call per route. */
@Controller()
export class CurrentAccountController {
  constructor(
    @Inject(CurrentAccountService) private readonly service: CurrentAccountService,
    @Inject(PaymentsService) private readonly payments: PaymentsService,
    @Inject(RevaluationService) private readonly revaluations: RevaluationService,
  ) {}

  @Route(R.revalue)
  revalue(@Body() body: RouteBody<typeof R.revalue>): Result<typeof R.revalue> {
    return this.revaluations.revalue(body.date);
  }

  @Route(R.recordReceipt)
  receipt(@Body() body: RouteBody<typeof R.recordReceipt>): Result<typeof R.recordReceipt> {
    return this.payments.record('receipt', body);
  }

  @Route(R.recordPayment)
  payment(@Body() body: RouteBody<typeof R.recordPayment>): Result<typeof R.recordPayment> {
    return this.payments.record('payment', body);
  }

  @Route(R.getCurrentAccount)
  get(
    @Param() p: RouteParams<typeof R.getCurrentAccount>,
    @Query() q: RouteQuery<typeof R.getCurrentAccount>,
  ): Result<typeof R.getCurrentAccount> {
    return this.service.currentAccount(p.partyId, q);
  }

  @Route(R.getPartyStatement)
  statement(
    @Param() p: RouteParams<typeof R.getPartyStatement>,
    @Query() q: RouteQuery<typeof R.getPartyStatement>,
  ): Result<typeof R.getPartyStatement> {
    return this.service.statement(p.partyId, q.from, q.to);
  }

  @Route(R.listAllocations)
  list(@Param() p: RouteParams<typeof R.listAllocations>): Result<typeof R.listAllocations> {
    return this.service.listAllocations(p.partyId);
  }

  @Route(R.allocate)
  allocate(
    @Param() p: RouteParams<typeof R.allocate>,
    @Body() body: RouteBody<typeof R.allocate>,
  ): Result<typeof R.allocate> {
    return this.service.allocate(p.partyId, body);
  }

  @Route(R.undoAllocation)
  undo(
    @Param() p: RouteParams<typeof R.undoAllocation>,
    @Body() body: RouteBody<typeof R.undoAllocation>,
  ): Result<typeof R.undoAllocation> {
    return this.service.undo(p.id, body.date);
  }
}
