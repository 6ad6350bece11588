import { Body, Controller, Inject, Param } from '@nestjs/common';
import {
  PipelineRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteResult,
} from '@nexo/contracts';
import { Route, expectedVersion } from '@nexo/platform';
import { PipelineService } from './pipeline.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** Pipelines and their stages. */
@Controller()
export class PipelineController {
  constructor(@Inject(PipelineService) private readonly pipelines: PipelineService) {}

  @Route(R.list)
  list(): Result<typeof R.list> {
    return this.pipelines.list();
  }

  @Route(R.create)
  create(@Body() body: RouteBody<typeof R.create>): Result<typeof R.create> {
    return this.pipelines.create(body);
  }

  @Route(R.update)
  update(
    @Param() p: RouteParams<typeof R.update>,
    @Body() body: RouteBody<typeof R.update>,
  ): Result<typeof R.update> {
    return this.pipelines.update(p.id, expectedVersion(), body);
  }

  @Route(R.addStage)
  addStage(
    @Param() p: RouteParams<typeof R.addStage>,
    @Body() body: RouteBody<typeof R.addStage>,
  ): Result<typeof R.addStage> {
    return this.pipelines.addStage(p.id, body);
  }

  @Route(R.updateStage)
  updateStage(
    @Param() p: RouteParams<typeof R.updateStage>,
    @Body() body: RouteBody<typeof R.updateStage>,
  ): Result<typeof R.updateStage> {
    return this.pipelines.updateStage(p.id, expectedVersion(), body);
  }
}
