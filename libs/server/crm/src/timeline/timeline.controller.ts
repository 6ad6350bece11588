import { Controller, Inject, Param, Query } from '@nestjs/common';
import {
  OpportunityRoutes,
  PartyRoutes,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route } from '@nexo/platform';
import { TimelineService } from './timeline.service.js';

const forParty = PartyRoutes.timeline;
const forOpportunity = OpportunityRoutes.timeline;

/** The timelines of a party and of an opportunity: activities and events, newest first. */
@Controller()
export class TimelineController {
  constructor(@Inject(TimelineService) private readonly timelines: TimelineService) {}

  @Route(forParty)
  party(
    @Param() p: RouteParams<typeof forParty>,
    @Query() q: RouteQuery<typeof forParty>,
  ): Promise<RouteResult<typeof forParty>> {
    return this.timelines.forParty(p.id, q.limit) as Promise<RouteResult<typeof forParty>>;
  }

  @Route(forOpportunity)
  opportunity(
    @Param() p: RouteParams<typeof forOpportunity>,
    @Query() q: RouteQuery<typeof forOpportunity>,
  ): Promise<RouteResult<typeof forOpportunity>> {
    return this.timelines.forOpportunity(p.id, q.limit) as Promise<
      RouteResult<typeof forOpportunity>
    >;
  }
}
