import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import {
  PartyRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, expectedVersion } from '@nexo/platform';
import { DuplicateFinder } from './duplicate-finder.js';
import { PartyMergeService } from './party-merge.service.js';
import { PartyService } from './party.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** Parties: the list, the record, possible duplicates and merging. */
@Controller()
export class PartyController {
  constructor(
    @Inject(PartyService) private readonly parties: PartyService,
    @Inject(DuplicateFinder) private readonly duplicateFinder: DuplicateFinder,
    @Inject(PartyMergeService) private readonly merger: PartyMergeService,
  ) {}

  @Route(R.list)
  list(@Query() q: RouteQuery<typeof R.list>): Result<typeof R.list> {
    return this.parties.list(q) as Result<typeof R.list>;
  }

  @Route(R.duplicates)
  duplicates(@Body() body: RouteBody<typeof R.duplicates>): Result<typeof R.duplicates> {
    const { taxId, ...rest } = body;
    return this.duplicateFinder.find({
      ...rest,
      taxId: taxId?.replace(/[\s.\-/]/g, '').toUpperCase(),
    });
  }

  @Route(R.create)
  create(@Body() body: RouteBody<typeof R.create>): Result<typeof R.create> {
    return this.parties.create(body) as Result<typeof R.create>;
  }

  @Route(R.get)
  get(@Param() p: RouteParams<typeof R.get>): Result<typeof R.get> {
    return this.parties.get(p.id) as Result<typeof R.get>;
  }

  @Route(R.update)
  update(
    @Param() p: RouteParams<typeof R.update>,
    @Body() body: RouteBody<typeof R.update>,
  ): Result<typeof R.update> {
    return this.parties.update(p.id, expectedVersion(), body) as Result<typeof R.update>;
  }

  @Route(R.merge)
  merge(
    @Param() p: RouteParams<typeof R.merge>,
    @Body() body: RouteBody<typeof R.merge>,
  ): Result<typeof R.merge> {
    return this.merger.merge(p.id, body.intoId) as Result<typeof R.merge>;
  }
}
