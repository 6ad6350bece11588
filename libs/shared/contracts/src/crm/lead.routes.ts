import { z } from 'zod';
import { ListQuerySchema, pageOf } from '../http/list.contracts.js';
import { defineRoute, permission } from '../http/route-contract.js';
import { FILTERS, Id, V1, tag } from './crm.shared.js';
import {
  ConvertLeadInputSchema,
  CreateLeadInputSchema,
  LeadSchema,
  UpdateLeadInputSchema,
} from './lead.contracts.js';
import { OpportunitySchema } from './opportunity.contracts.js';
import { PartySchema } from './party.contracts.js';

/** Leads, and their conversion into a party and an opportunity. */
export const LeadRoutes = {
  list: defineRoute({
    method: 'GET',
    path: `${V1}/leads`,
    operationId: 'listLeads',
    summary: `Leads. ${FILTERS('name, status, source, ownerId, email')} Sort: name, updatedAt. q: name, company, email`,
    tag,
    access: permission('read', 'crm.lead'),
    query: ListQuerySchema,
    status: 200,
    response: pageOf(LeadSchema),
  }),
  create: defineRoute({
    method: 'POST',
    path: `${V1}/leads`,
    operationId: 'createLead',
    summary: 'Create a lead',
    tag,
    access: permission('create', 'crm.lead'),
    body: CreateLeadInputSchema,
    status: 201,
    response: LeadSchema,
    etag: true,
  }),
  get: defineRoute({
    method: 'GET',
    path: `${V1}/leads/:id`,
    operationId: 'getLead',
    summary: 'One lead',
    tag,
    access: permission('read', 'crm.lead'),
    params: Id,
    status: 200,
    response: LeadSchema,
    etag: true,
  }),
  update: defineRoute({
    method: 'PATCH',
    path: `${V1}/leads/:id`,
    operationId: 'updateLead',
    summary: 'Change a lead',
    tag,
    access: permission('update', 'crm.lead'),
    params: Id,
    body: UpdateLeadInputSchema,
    status: 200,
    response: LeadSchema,
    etag: true,
    ifMatch: true,
  }),
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
