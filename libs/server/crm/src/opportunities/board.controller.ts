import { Controller, Inject, Param, Query } from '@nestjs/common';
import {
  BoardRoutes as R,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route } from '@nexo/platform';
import { BoardService } from './board.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** A pipeline's opportunities: the kanban board and the forecast. */
@Controller()
export class BoardController {
  constructor(@Inject(BoardService) private readonly boards: BoardService) {}

  @Route(R.board)
  board(@Param() p: RouteParams<typeof R.board>): Result<typeof R.board> {
    return this.boards.board(p.id) as Result<typeof R.board>;
  }

  @Route(R.forecast)
  forecast(
    @Param() p: RouteParams<typeof R.forecast>,
    @Query() q: RouteQuery<typeof R.forecast>,
  ): Result<typeof R.forecast> {
    return this.boards.forecast(p.id, q.currency);
  }
}
