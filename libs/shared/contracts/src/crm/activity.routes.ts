import { ListQuerySchema, pageOf } from '../http/list.contracts.js';
import { defineRoute, permission } from '../http/route-contract.js';
import { routeGroup } from '../http/route-group.js';
import { FILTERS, V1, tag } from './crm.shared.js';
import {
  ActivitySchema,
  CreateActivityInputSchema,
  UpdateActivityInputSchema,
} from './activity.contracts.js';

const activities = routeGroup({
  tag,
  path: `${V1}/activities`,
  name: 'Activity',
  plural: 'Activities',
  subject: 'crm.activity',
  schema: ActivitySchema,
  list: {
    summary: `Activities. ${FILTERS('kind, partyId, leadId, opportunityId, assigneeId, done, dueAt')} Sort: dueAt, createdAt`,
  },
  create: {
    body: CreateActivityInputSchema,
    summary: 'Log a call, meeting, note or email, or create a task',
  },
  update: { body: UpdateActivityInputSchema, summary: 'Change an activity or mark a task done' },
});

/** Activities: calls, meetings, notes, emails and tasks. */
export const ActivityRoutes = {
  list: activities.list,
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
  create: activities.create,
  update: activities.update,
} as const;
