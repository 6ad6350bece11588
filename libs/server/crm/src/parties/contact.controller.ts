import { Body, Controller, Inject, Param } from '@nestjs/common';
import {
  ContactRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteResult,
} from '@nexo/contracts';
import { Route, expectedVersion } from '@nexo/platform';
import { PartyDetailsService } from './party-details.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** A party's contacts. */
@Controller()
export class ContactController {
  constructor(@Inject(PartyDetailsService) private readonly details: PartyDetailsService) {}

  @Route(R.list)
  list(@Param() p: RouteParams<typeof R.list>): Result<typeof R.list> {
    return this.details.list('contact', p.id);
  }

  @Route(R.add)
  add(
    @Param() p: RouteParams<typeof R.add>,
    @Body() body: RouteBody<typeof R.add>,
  ): Result<typeof R.add> {
    return this.details.add('contact', p.id, body);
  }

  @Route(R.update)
  update(
    @Param() p: RouteParams<typeof R.update>,
    @Body() body: RouteBody<typeof R.update>,
  ): Result<typeof R.update> {
    return this.details.update('contact', p.id, expectedVersion(), body);
  }

  @Route(R.remove)
  remove(@Param() p: RouteParams<typeof R.remove>): Promise<void> {
    return this.details.remove('contact', p.id, expectedVersion());
  }
}
