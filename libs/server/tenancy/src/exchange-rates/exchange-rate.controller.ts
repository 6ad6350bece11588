import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import {
  TenancyRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, expectedVersion } from '@nexo/platform';
import { ExchangeRateService } from './exchange-rate.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** The company's exchange rates. */
@Controller()
export class ExchangeRateController {
  constructor(@Inject(ExchangeRateService) private readonly rates: ExchangeRateService) {}

  @Route(R.listExchangeRates)
  list(@Query() q: RouteQuery<typeof R.listExchangeRates>): Result<typeof R.listExchangeRates> {
    return this.rates.list(q);
  }

  @Route(R.createExchangeRate)
  create(
    @Body() body: RouteBody<typeof R.createExchangeRate>,
  ): Result<typeof R.createExchangeRate> {
    return this.rates.save(body);
  }

  @Route(R.exchangeRateOn)
  on(@Query() q: RouteQuery<typeof R.exchangeRateOn>): Result<typeof R.exchangeRateOn> {
    return this.rates.on(q);
  }

  @Route(R.importExchangeRates)
  import(
    @Body() body: RouteBody<typeof R.importExchangeRates>,
  ): Result<typeof R.importExchangeRates> {
    return this.rates.import(body);
  }

  @Route(R.deleteExchangeRate)
  remove(@Param() p: RouteParams<typeof R.deleteExchangeRate>): Promise<void> {
    return this.rates.remove(p.id, expectedVersion());
  }
}
