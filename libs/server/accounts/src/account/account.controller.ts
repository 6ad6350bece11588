import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import type { RouteBody, RouteParams, RouteQuery, RouteResult } from '@nexo/contracts';
import { AccountsRoutes as R } from '@nexo/contracts/accounts';
import { Route, expectedVersion } from '@nexo/platform';
import { AccountService } from './account.service.js';

/** Views are masked (`Partial`); the route's schema serializes what is there. */
type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** Thin: one service call per route. */
@Controller()
export class AccountController {
  constructor(@Inject(AccountService) private readonly service: AccountService) {}

  @Route(R.listAccounts)
  list(@Query() q: RouteQuery<typeof R.listAccounts>): Result<typeof R.listAccounts> {
    return this.service.list(q) as Result<typeof R.listAccounts>;
  }

  @Route(R.createAccount)
  create(@Body() body: RouteBody<typeof R.createAccount>): Result<typeof R.createAccount> {
    return this.service.create(body) as Result<typeof R.createAccount>;
  }

  @Route(R.getAccount)
  get(@Param() p: RouteParams<typeof R.getAccount>): Result<typeof R.getAccount> {
    return this.service.get(p.id) as Result<typeof R.getAccount>;
  }

  @Route(R.updateAccount)
  update(
    @Param() p: RouteParams<typeof R.updateAccount>,
    @Body() body: RouteBody<typeof R.updateAccount>,
  ): Result<typeof R.updateAccount> {
    return this.service.update(p.id, expectedVersion(), body) as Result<typeof R.updateAccount>;
  }

  @Route(R.deleteAccount)
  remove(@Param() p: RouteParams<typeof R.deleteAccount>): Promise<void> {
    return this.service.remove(p.id, expectedVersion());
  }
}
