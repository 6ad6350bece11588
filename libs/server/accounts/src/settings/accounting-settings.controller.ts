import { Body, Controller, Inject, Param } from '@nestjs/common';
import type { RouteBody, RouteParams, RouteResult } from '@nexo/contracts';
import { AccountsRoutes as R } from '@nexo/contracts/accounts';
import { Route } from '@nexo/platform';
import { AccountingSettingsService } from './accounting-settings.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** Thin: one service call per route. */
@Controller()
export class AccountingSettingsController {
  constructor(
    @Inject(AccountingSettingsService) private readonly service: AccountingSettingsService,
  ) {}

  @Route(R.getAccountingSettings)
  get(): Result<typeof R.getAccountingSettings> {
    return this.service.get();
  }

  @Route(R.updateAccountingSettings)
  update(
    @Body() body: RouteBody<typeof R.updateAccountingSettings>,
  ): Result<typeof R.updateAccountingSettings> {
    return this.service.update(body);
  }

  @Route(R.openFiscalYear)
  openYear(@Body() body: RouteBody<typeof R.openFiscalYear>): Result<typeof R.openFiscalYear> {
    return this.service.openYear(body.year);
  }

  @Route(R.lockPeriod)
  lock(@Param() p: RouteParams<typeof R.lockPeriod>): Result<typeof R.lockPeriod> {
    return this.service.setPeriodLocked(p.id, true);
  }

  @Route(R.unlockPeriod)
  unlock(@Param() p: RouteParams<typeof R.unlockPeriod>): Result<typeof R.unlockPeriod> {
    return this.service.setPeriodLocked(p.id, false);
  }

  @Route(R.installChart)
  installChart(@Body() body: RouteBody<typeof R.installChart>): Result<typeof R.installChart> {
    return this.service.installChart(body.country);
  }

  @Route(R.listPostingRules)
  rules(): Result<typeof R.listPostingRules> {
    return this.service.rules() as Result<typeof R.listPostingRules>;
  }

  @Route(R.setPostingRule)
  setRule(@Body() body: RouteBody<typeof R.setPostingRule>): Result<typeof R.setPostingRule> {
    return this.service.setRule(body) as Result<typeof R.setPostingRule>;
  }

  @Route(R.deletePostingRule)
  deleteRule(@Param() p: RouteParams<typeof R.deletePostingRule>): Promise<void> {
    return this.service.deleteRule(p.id);
  }

  @Route(R.verifyChain)
  verifyChain(): Result<typeof R.verifyChain> {
    return this.service.verifyChain();
  }
}
