import { z } from 'zod';
import { defineRoute, permission } from '../http/route-contract.js';
import { routeGroup } from '../http/route-group.js';
import { FILTERS, Id, V1, tag } from './crm.shared.js';
import {
  ConvertLeadInputSchema,
  CreateLeadInputSchema,
  LeadSchema,
  UpdateLeadInputSchema,
} from './lead.contracts.js';
import { OpportunitySchema } from './opportunity.contracts.js';
import { PartySchema } from './party.contracts.js';

const leads = routeGroup({
  tag,
  path: `${V1}/leads`,
  name: 'Lead',
  plural: 'Leads',
  subject: 'crm.lead',
  schema: LeadSchema,
  list: {
    summary: `Leads. ${FILTERS('name, status, source, ownerId, email')} Sort: name, updatedAt. q: name, company, email`,
  },
  create: { body: CreateLeadInputSchema },
  get: {},
  update: { body: UpdateLeadInputSchema },
});

/** Leads, and their conversion into a party and an opportunity. */
export const LeadRoutes = {
  list: leads.list,
  create: leads.create,
  get: leads.get,
  update: leads.update,
  convert: defineRoute({
    method: 'POST',
    path: `${V1}/leads/:id/convert`,
    operationId: 'convertLead',
    summary: 'Convert a lead into a party (new or existing) and an opportunity, all or nothing',
    tag,
    access: permission('convert', 'crm.lead'),
    params: Id,
    body: ConvertLeadInputSchema,
    status: 200,
    response: z.object({ lead: LeadSchema, party: PartySchema, opportunity: OpportunitySchema }),
  }),
} as const;
