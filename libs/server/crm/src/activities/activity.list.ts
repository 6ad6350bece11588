import type { ListDefinition } from '@nexo/db';
import { activities } from '../db/crm.tables.js';

/** The filters, sorts and search of the activities list (and of "my open tasks"). */
export const ACTIVITY_LIST: ListDefinition = {
  fields: {
    kind: { column: activities.kind, type: 'text' },
    subject: { column: activities.subject, type: 'text', searchable: true },
    partyId: { column: activities.partyId, type: 'uuid' },
    leadId: { column: activities.leadId, type: 'uuid' },
    opportunityId: { column: activities.opportunityId, type: 'uuid' },
    assigneeId: { column: activities.assigneeId, type: 'uuid' },
    dueAt: { column: activities.dueAt, type: 'date', sortable: true },
    createdAt: { column: activities.createdAt, type: 'date', sortable: true },
  },
  defaultSort: '-createdAt',
  id: activities.id,
};
