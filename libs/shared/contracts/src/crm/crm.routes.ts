import type { RouteContract } from '../http/route-contract.js';
import { ActivityRoutes } from './activity.routes.js';
import { LeadRoutes } from './lead.routes.js';
import { BoardRoutes, OpportunityRoutes } from './opportunity.routes.js';
import { AddressRoutes, ContactRoutes, PartyRoutes } from './party.routes.js';
import { PipelineRoutes } from './pipeline.routes.js';
import { TeamRoutes } from './team.routes.js';

/** Every crm route, one group per resource, in the order of the API document. */
export const CRM_ROUTES: readonly RouteContract[] = [
  ...Object.values(PartyRoutes),
  ...Object.values(ContactRoutes),
  ...Object.values(AddressRoutes),
  ...Object.values(LeadRoutes),
  ...Object.values(PipelineRoutes),
  ...Object.values(BoardRoutes),
  ...Object.values(OpportunityRoutes),
  ...Object.values(ActivityRoutes),
  ...Object.values(TeamRoutes),
];
