import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import {
  CatalogRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, currentPrincipal, expectedVersion } from '@nexo/platform';
import { TaxRateService } from './tax-rate.service.js';

@Controller()
export class TaxRateController {
  constructor(@Inject(TaxRateService) private readonly taxes: TaxRateService) {}

  @Route(R.listTaxRates)
  list(@Query() q: RouteQuery<typeof R.listTaxRates>): Promise<RouteResult<typeof R.listTaxRates>> {
    return this.taxes.list(currentPrincipal(), q);
  }

  @Route(R.createTaxRate)
  create(
    @Body() body: RouteBody<typeof R.createTaxRate>,
  ): Promise<RouteResult<typeof R.createTaxRate>> {
    return this.taxes.create(currentPrincipal(), body);
  }

  @Route(R.getTaxRate)
  get(@Param() p: RouteParams<typeof R.getTaxRate>): Promise<RouteResult<typeof R.getTaxRate>> {
    return this.taxes.get(currentPrincipal(), p.id);
  }

  @Route(R.updateTaxRate)
  update(
    @Param() p: RouteParams<typeof R.updateTaxRate>,
    @Body() body: RouteBody<typeof R.updateTaxRate>,
  ): Promise<RouteResult<typeof R.updateTaxRate>> {
    return this.taxes.update(currentPrincipal(), p.id, expectedVersion(), body);
  }

  @Route(R.deleteTaxRate)
  remove(@Param() p: RouteParams<typeof R.deleteTaxRate>): Promise<void> {
    return this.taxes.remove(currentPrincipal(), p.id, expectedVersion());
  }
}
