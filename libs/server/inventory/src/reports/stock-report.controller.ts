import { Controller, Inject, Query, Res } from '@nestjs/common';
import type { RouteQuery, RouteResult } from '@nexo/contracts';
import { InventoryRoutes as R } from '@nexo/contracts/inventory';
import { Route, csvDownload } from '@nexo/platform';
import type { FastifyReply } from 'fastify';
import { StockReportService } from './stock-report.service.js';

/** Views are masked (cost fields may be absent); the route's schema serializes what is there. */
type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** Thin: one service call per route. */
@Controller()
export class StockReportController {
  constructor(@Inject(StockReportService) private readonly reports: StockReportService) {}

  @Route(R.reportStock)
  stock(@Query() q: RouteQuery<typeof R.reportStock>): Result<typeof R.reportStock> {
    return this.reports.stock(q);
  }

  /** Streams inside the request's transaction, opened once its first page is read. */
  @Route(R.exportStock)
  async exportStock(
    @Query() q: RouteQuery<typeof R.exportStock>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.reports.exportStockCsv(q, csvDownload(reply, 'stock.csv'));
  }

  @Route(R.reportKardex)
  kardex(@Query() q: RouteQuery<typeof R.reportKardex>): Result<typeof R.reportKardex> {
    return this.reports.kardex(q);
  }

  @Route(R.reportValuation)
  valuation(@Query() q: RouteQuery<typeof R.reportValuation>): Result<typeof R.reportValuation> {
    return this.reports.valuation(q);
  }

  @Route(R.exportValuation)
  async exportValuation(
    @Query() q: RouteQuery<typeof R.exportValuation>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.reports.exportValuationCsv(q, csvDownload(reply, 'valuation.csv'));
  }

  @Route(R.reportSlowMovers)
  slowMovers(@Query() q: RouteQuery<typeof R.reportSlowMovers>): Result<typeof R.reportSlowMovers> {
    return this.reports.slowMovers(q);
  }
}
