import { Controller, Inject, Param } from '@nestjs/common';
import { JobRoutes as R, type RouteParams, type RouteResult } from '@nexo/contracts';
import { Route } from '@nexo/platform';
import { JobRunService } from './job-run.service.js';

/** A job's state, progress and outcome, for its tenant only: another tenant's id answers 404. */
@Controller()
export class JobRunController {
  constructor(@Inject(JobRunService) private readonly runs: JobRunService) {}

  @Route(R.get)
  get(@Param() p: RouteParams<typeof R.get>): Promise<RouteResult<typeof R.get>> {
    return this.runs.get(p.id);
  }
}
