import { ListQuerySchema, pageOf } from '../http/list.contracts.js';
import { defineRoute, permission } from '../http/route-contract.js';
import { FILTERS, Id, V1, tag } from './crm.shared.js';
import {
  ActivitySchema,
  CreateActivityInputSchema,
  UpdateActivityInputSchema,
} from './activity.contracts.js';

/** Activities: calls, meetings, notes, emails and tasks. */
export const ActivityRoutes = {
  list: defineRoute({
    method: 'GET',
    path: `${V1}/activities`,
    operationId: 'listActivities',
    summary: `Activities. ${FILTERS('kind, partyId, leadId, opportunityId, assigneeId, done, dueAt')} Sort: dueAt, createdAt`,
    tag,
    access: permission('read', 'crm.activity'),
    query: ListQuerySchema,
    status: 200,
    response: pageOf(ActivitySchema),
  }),
  myTasks: defineRoute({
    method: 'GET',
    path: `${V1}/activities/my-tasks`,
    operationId: 'myOpenTasks',
    summary: 'Open tasks assigned to me, soonest due first',
    tag,
    access: permission('read', 'crm.activity'),
    query: ListQuerySchema,
    status: 200,
    response: pageOf(ActivitySchema),
  }),
  create: defineRoute({
    method: 'POST',
    path: `${V1}/activities`,
    operationId: 'createActivity',
    summary: 'Log a call, meeting, note or email, or create a task',
    tag,
    access: permission('create', 'crm.activity'),
    body: CreateActivityInputSchema,
    status: 201,
    response: ActivitySchema,
    etag: true,
  }),
  update: defineRoute({
    method: 'PATCH',
    path: `${V1}/activities/:id`,
    operationId: 'updateActivity',
    summary: 'Change an activity or mark a task done',
    tag,
    access: permission('update', 'crm.activity'),
    params: Id,
    body: UpdateActivityInputSchema,
    status: 200,
    response: ActivitySchema,
    etag: true,
    ifMatch: true,
  }),
} as const;
