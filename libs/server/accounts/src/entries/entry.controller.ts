import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import type { RouteBody, RouteParams, RouteQuery, RouteResult } from '@nexo/contracts';
import { AccountsRoutes as R } from '@nexo/contracts/accounts';
import { Route, expectedVersion } from '@nexo/platform';
import { EntryService } from './entry.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** Thin: one service call per route. */
@Controller()
export class EntryController {
  constructor(@Inject(EntryService) private readonly service: EntryService) {}

  @Route(R.listJournals)
  journals(): Result<typeof R.listJournals> {
    return this.service.journals();
  }

  @Route(R.listEntries)
  list(@Query() q: RouteQuery<typeof R.listEntries>): Result<typeof R.listEntries> {
    return this.service.list(q) as Result<typeof R.listEntries>;
  }

  @Route(R.getEntry)
  get(@Param() p: RouteParams<typeof R.getEntry>): Result<typeof R.getEntry> {
    return this.service.get(p.id) as Result<typeof R.getEntry>;
  }

  @Route(R.createEntry)
  create(@Body() body: RouteBody<typeof R.createEntry>): Result<typeof R.createEntry> {
    return this.service.create(body) as Result<typeof R.createEntry>;
  }

  @Route(R.updateEntry)
  update(
    @Param() p: RouteParams<typeof R.updateEntry>,
    @Body() body: RouteBody<typeof R.updateEntry>,
  ): Result<typeof R.updateEntry> {
    return this.service.update(p.id, expectedVersion(), body) as Result<typeof R.updateEntry>;
  }

  @Route(R.deleteEntry)
  remove(@Param() p: RouteParams<typeof R.deleteEntry>): Promise<void> {
    return this.service.remove(p.id, expectedVersion());
  }

  @Route(R.postEntry)
  post(@Param() p: RouteParams<typeof R.postEntry>): Result<typeof R.postEntry> {
    return this.service.post(p.id) as Result<typeof R.postEntry>;
  }

  @Route(R.reverseEntry)
  reverse(
    @Param() p: RouteParams<typeof R.reverseEntry>,
    @Body() body: RouteBody<typeof R.reverseEntry>,
  ): Result<typeof R.reverseEntry> {
    return this.service.reverse(p.id, body) as Result<typeof R.reverseEntry>;
  }
}
