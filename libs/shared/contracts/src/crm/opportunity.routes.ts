import { z } from 'zod';
import { defineRoute, permission } from '../http/route-contract.js';
import { routeGroup } from '../http/route-group.js';
import { FILTERS, Id, V1, tag } from './crm.shared.js';
import {
  BoardSchema,
  CreateOpportunityInputSchema,
  ForecastSchema,
  LoseOpportunityInputSchema,
  MoveOpportunityInputSchema,
  OpportunitySchema,
  UpdateOpportunityInputSchema,
} from './opportunity.contracts.js';
import { TimelineItemSchema } from './timeline.contracts.js';

/** A pipeline's opportunities: the kanban board and the forecast. */
export const BoardRoutes = {
  board: defineRoute({
    method: 'GET',
    path: `${V1}/pipelines/:id/board`,
    operationId: 'pipelineBoard',
    summary: 'The kanban board: each stage with its open cards in order (first 50 each)',
    tag,
    access: permission('read', 'crm.opportunity'),
    params: Id,
    status: 200,
    response: BoardSchema,
  }),
  forecast: defineRoute({
    method: 'GET',
    path: `${V1}/pipelines/:id/forecast`,
    operationId: 'pipelineForecast',
    summary: 'Open amount and weighted amount (× stage probability) by stage and expected month',
    tag,
    access: permission('read', 'crm.opportunity'),
    params: Id,
    query: z.object({
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .optional(),
    }),
    status: 200,
    response: ForecastSchema,
  }),
} as const;

const opportunities = routeGroup({
  tag,
  path: `${V1}/opportunities`,
  name: 'Opportunity',
  plural: 'Opportunities',
  subject: 'crm.opportunity',
  schema: OpportunitySchema,
  list: {
    summary: `Opportunities. ${FILTERS('title, pipelineId, stageId, partyId, ownerId, teamId, status, amount, expectedCloseDate, updatedAt')} Sort: title, amount, expectedCloseDate, updatedAt. q: title`,
  },
  create: {
    body: CreateOpportunityInputSchema,
    summary: 'Create an opportunity (at the end of its stage)',
  },
  get: {},
  update: { body: UpdateOpportunityInputSchema, summary: 'Change an opportunity' },
});

/** Opportunities: the list, the record, moving, winning and losing, timeline. */
export const OpportunityRoutes = {
  list: opportunities.list,
  create: opportunities.create,
  get: opportunities.get,
  update: opportunities.update,
  move: defineRoute({
    method: 'POST',
    path: `${V1}/opportunities/:id/move`,
    operationId: 'moveOpportunity',
    summary: 'Move a card to a stage, after another card (kanban drag and drop)',
    tag,
    access: permission('update', 'crm.opportunity'),
    params: Id,
    body: MoveOpportunityInputSchema,
    status: 200,
    response: OpportunitySchema,
  }),
  win: defineRoute({
    method: 'POST',
    path: `${V1}/opportunities/:id/win`,
    operationId: 'winOpportunity',
    summary: "Mark won (moves it to the pipeline's won stage)",
    tag,
    access: permission('update', 'crm.opportunity'),
    params: Id,
    status: 200,
    response: OpportunitySchema,
  }),
  lose: defineRoute({
    method: 'POST',
    path: `${V1}/opportunities/:id/lose`,
    operationId: 'loseOpportunity',
    summary: "Mark lost with a reason (moves it to the pipeline's lost stage)",
    tag,
    access: permission('update', 'crm.opportunity'),
    params: Id,
    body: LoseOpportunityInputSchema,
    status: 200,
    response: OpportunitySchema,
  }),
  timeline: defineRoute({
    method: 'GET',
    path: `${V1}/opportunities/:id/timeline`,
    operationId: 'opportunityTimeline',
    summary: 'Activities and events of an opportunity, newest first',
    tag,
    access: permission('read', 'crm.opportunity'),
    params: Id,
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
    status: 200,
    response: z.array(TimelineItemSchema),
  }),
} as const;
