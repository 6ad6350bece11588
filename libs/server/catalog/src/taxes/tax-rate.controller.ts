import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import {
  CatalogRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, expectedVersion } from '@nexo/platform';
import { TaxRateService } from './tax-rate.service.js';

/** Views are masked (`Partial`); the route's schema serializes what is there. */
type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

@Controller()
export class TaxRateController {
  constructor(@Inject(TaxRateService) private readonly taxes: TaxRateService) {}

  @Route(R.listTaxRates)
  list(@Query() q: RouteQuery<typeof R.listTaxRates>): Result<typeof R.listTaxRates> {
    return this.taxes.list(q) as Result<typeof R.listTaxRates>;
  }

  @Route(R.createTaxRate)
  create(@Body() body: RouteBody<typeof R.createTaxRate>): Result<typeof R.createTaxRate> {
    return this.taxes.create(body) as Result<typeof R.createTaxRate>;
  }

  @Route(R.getTaxRate)
  get(@Param() p: RouteParams<typeof R.getTaxRate>): Result<typeof R.getTaxRate> {
    return this.taxes.get(p.id) as Result<typeof R.getTaxRate>;
  }

  @Route(R.updateTaxRate)
  update(
    @Param() p: RouteParams<typeof R.updateTaxRate>,
    @Body() body: RouteBody<typeof R.updateTaxRate>,
  ): Result<typeof R.updateTaxRate> {
    return this.taxes.update(p.id, expectedVersion(), body) as Result<typeof R.updateTaxRate>;
  }

  @Route(R.deleteTaxRate)
  remove(@Param() p: RouteParams<typeof R.deleteTaxRate>): Promise<void> {
    return this.taxes.remove(p.id, expectedVersion());
  }
}
