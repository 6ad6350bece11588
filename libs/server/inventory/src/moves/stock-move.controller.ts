import { Controller, Inject, Param, Query, Res } from '@nestjs/common';
import type { RouteParams, RouteQuery, RouteResult } from '@nexo/contracts';
import { InventoryRoutes as R } from '@nexo/contracts/inventory';
import { Route, csvDownload } from '@nexo/platform';
import type { FastifyReply } from 'fastify';
import { StockReservations } from '../reservations/stock-reservations.service.js';
import { StockMoveService } from './stock-move.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** Thin: one service call per route. */
@Controller()
export class StockMoveController {
  constructor(
    @Inject(StockMoveService) private readonly moves: StockMoveService,
    @Inject(StockReservations) private readonly stock: StockReservations,
  ) {}

  @Route(R.listStockMoves)
  list(@Query() q: RouteQuery<typeof R.listStockMoves>): Result<typeof R.listStockMoves> {
    return this.moves.list(q) as Result<typeof R.listStockMoves>;
  }

  @Route(R.exportStockMoves)
  async export(
    @Query() q: RouteQuery<typeof R.exportStockMoves>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.moves.exportCsv(q, csvDownload(reply, 'stock-moves.csv'));
  }

  @Route(R.getStockMove)
  get(@Param() p: RouteParams<typeof R.getStockMove>): Result<typeof R.getStockMove> {
    return this.moves.get(p.id) as Result<typeof R.getStockMove>;
  }

  @Route(R.reverseStockMove)
  reverse(@Param() p: RouteParams<typeof R.reverseStockMove>): Result<typeof R.reverseStockMove> {
    return this.moves.reverse(p.id) as Result<typeof R.reverseStockMove>;
  }

  @Route(R.stockAvailability)
  async availability(
    @Query() q: RouteQuery<typeof R.stockAvailability>,
  ): Result<typeof R.stockAvailability> {
    return { items: await this.stock.availability(q) };
  }

  @Route(R.suggestLots)
  suggest(@Query() q: RouteQuery<typeof R.suggestLots>): Result<typeof R.suggestLots> {
    return this.stock.suggestLots(q);
  }

  @Route(R.listStockReservations)
  reservations(
    @Query() q: RouteQuery<typeof R.listStockReservations>,
  ): Result<typeof R.listStockReservations> {
    return this.moves.reservations(q) as Result<typeof R.listStockReservations>;
  }
}
