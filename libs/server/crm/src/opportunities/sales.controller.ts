import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import {
  SalesRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, expectedVersion } from '@nexo/platform';
import { ActivityService } from '../activities/activity.service.js';
import { LeadService } from '../leads/lead.service.js';
import { PipelineService } from '../pipelines/pipeline.service.js';
import { TeamService } from '../teams/team.service.js';
import { TimelineService } from '../timeline/timeline.service.js';
import { BoardService } from './board.service.js';
import { OpportunityService } from './opportunity.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

/** Leads, pipelines, opportunities, activities and teams: one service call per route. */
@Controller()
export class SalesController {
  constructor(
    @Inject(LeadService) private readonly leads: LeadService,
    @Inject(PipelineService) private readonly pipelines: PipelineService,
    @Inject(OpportunityService) private readonly opportunities: OpportunityService,
    @Inject(BoardService) private readonly boards: BoardService,
    @Inject(ActivityService) private readonly activities: ActivityService,
    @Inject(TimelineService) private readonly timelines: TimelineService,
    @Inject(TeamService) private readonly teams: TeamService,
  ) {}

  @Route(R.listLeads)
  listLeads(@Query() q: RouteQuery<typeof R.listLeads>): Result<typeof R.listLeads> {
    return this.leads.list(q) as Result<typeof R.listLeads>;
  }

  @Route(R.createLead)
  createLead(@Body() body: RouteBody<typeof R.createLead>): Result<typeof R.createLead> {
    return this.leads.create(body) as Result<typeof R.createLead>;
  }

  @Route(R.getLead)
  getLead(@Param() p: RouteParams<typeof R.getLead>): Result<typeof R.getLead> {
    return this.leads.get(p.id) as Result<typeof R.getLead>;
  }

  @Route(R.updateLead)
  updateLead(
    @Param() p: RouteParams<typeof R.updateLead>,
    @Body() body: RouteBody<typeof R.updateLead>,
  ): Result<typeof R.updateLead> {
    return this.leads.update(p.id, expectedVersion(), body) as Result<typeof R.updateLead>;
  }

  @Route(R.convertLead)
  convertLead(
    @Param() p: RouteParams<typeof R.convertLead>,
    @Body() body: RouteBody<typeof R.convertLead>,
  ): Result<typeof R.convertLead> {
    return this.leads.convert(p.id, body) as Result<typeof R.convertLead>;
  }

  @Route(R.listPipelines)
  listPipelines(): Result<typeof R.listPipelines> {
    return this.pipelines.list();
  }

  @Route(R.createPipeline)
  createPipeline(
    @Body() body: RouteBody<typeof R.createPipeline>,
  ): Result<typeof R.createPipeline> {
    return this.pipelines.create(body);
  }

  @Route(R.updatePipeline)
  updatePipeline(
    @Param() p: RouteParams<typeof R.updatePipeline>,
    @Body() body: RouteBody<typeof R.updatePipeline>,
  ): Result<typeof R.updatePipeline> {
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

  @Route(R.listOpportunities)
  listOpportunities(
    @Query() q: RouteQuery<typeof R.listOpportunities>,
  ): Result<typeof R.listOpportunities> {
    return this.opportunities.list(q) as Result<typeof R.listOpportunities>;
  }

  @Route(R.createOpportunity)
  createOpportunity(
    @Body() body: RouteBody<typeof R.createOpportunity>,
  ): Result<typeof R.createOpportunity> {
    return this.opportunities.create(body) as Result<typeof R.createOpportunity>;
  }

  @Route(R.getOpportunity)
  getOpportunity(
    @Param() p: RouteParams<typeof R.getOpportunity>,
  ): Result<typeof R.getOpportunity> {
    return this.opportunities.get(p.id) as Result<typeof R.getOpportunity>;
  }

  @Route(R.updateOpportunity)
  updateOpportunity(
    @Param() p: RouteParams<typeof R.updateOpportunity>,
    @Body() body: RouteBody<typeof R.updateOpportunity>,
  ): Result<typeof R.updateOpportunity> {
    return this.opportunities.update(p.id, expectedVersion(), body) as Result<
      typeof R.updateOpportunity
    >;
  }

  @Route(R.moveOpportunity)
  moveOpportunity(
    @Param() p: RouteParams<typeof R.moveOpportunity>,
    @Body() body: RouteBody<typeof R.moveOpportunity>,
  ): Result<typeof R.moveOpportunity> {
    return this.opportunities.move(p.id, body) as Result<typeof R.moveOpportunity>;
  }

  @Route(R.winOpportunity)
  win(@Param() p: RouteParams<typeof R.winOpportunity>): Result<typeof R.winOpportunity> {
    return this.opportunities.close(p.id, 'won') as Result<typeof R.winOpportunity>;
  }

  @Route(R.loseOpportunity)
  lose(
    @Param() p: RouteParams<typeof R.loseOpportunity>,
    @Body() body: RouteBody<typeof R.loseOpportunity>,
  ): Result<typeof R.loseOpportunity> {
    return this.opportunities.close(p.id, 'lost', body.reason) as Result<typeof R.loseOpportunity>;
  }

  @Route(R.opportunityTimeline)
  opportunityTimeline(
    @Param() p: RouteParams<typeof R.opportunityTimeline>,
    @Query() q: RouteQuery<typeof R.opportunityTimeline>,
  ): Result<typeof R.opportunityTimeline> {
    return this.timelines.forOpportunity(p.id, q.limit) as Result<typeof R.opportunityTimeline>;
  }

  @Route(R.listActivities)
  listActivities(@Query() q: RouteQuery<typeof R.listActivities>): Result<typeof R.listActivities> {
    return this.activities.list(q) as Result<typeof R.listActivities>;
  }

  @Route(R.myTasks)
  myTasks(@Query() q: RouteQuery<typeof R.myTasks>): Result<typeof R.myTasks> {
    return this.activities.list(q, 'my-open-tasks') as Result<typeof R.myTasks>;
  }

  @Route(R.createActivity)
  createActivity(
    @Body() body: RouteBody<typeof R.createActivity>,
  ): Result<typeof R.createActivity> {
    return this.activities.create(body) as Result<typeof R.createActivity>;
  }

  @Route(R.updateActivity)
  updateActivity(
    @Param() p: RouteParams<typeof R.updateActivity>,
    @Body() body: RouteBody<typeof R.updateActivity>,
  ): Result<typeof R.updateActivity> {
    return this.activities.update(p.id, expectedVersion(), body) as Result<typeof R.updateActivity>;
  }

  @Route(R.listTeams)
  listTeams(): Result<typeof R.listTeams> {
    return this.teams.list();
  }

  @Route(R.createTeam)
  createTeam(@Body() body: RouteBody<typeof R.createTeam>): Result<typeof R.createTeam> {
    return this.teams.create(body.name);
  }

  @Route(R.setTeamMembers)
  setTeamMembers(
    @Param() p: RouteParams<typeof R.setTeamMembers>,
    @Body() body: RouteBody<typeof R.setTeamMembers>,
  ): Result<typeof R.setTeamMembers> {
    return this.teams.setMembers(p.id, body.membershipIds);
  }
}
