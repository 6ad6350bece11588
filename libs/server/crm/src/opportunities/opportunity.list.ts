import type { ListDefinition } from '@nexo/db';
import { opportunities } from '../db/crm.tables.js';

export const OPPORTUNITY_LIST: ListDefinition = {
  fields: {
    title: { column: opportunities.title, type: 'text', sortable: true, searchable: true },
    pipelineId: { column: opportunities.pipelineId, type: 'uuid' },
    stageId: { column: opportunities.stageId, type: 'uuid' },
    partyId: { column: opportunities.partyId, type: 'uuid' },
    ownerId: { column: opportunities.ownerId, type: 'uuid' },
    teamId: { column: opportunities.teamId, type: 'uuid' },
    status: { column: opportunities.status, type: 'text' },
    currency: { column: opportunities.currency, type: 'text' },
    amount: { column: opportunities.amount, type: 'number', sortable: true },
    expectedCloseDate: { column: opportunities.expectedCloseDate, type: 'date', sortable: true },
    updatedAt: { column: opportunities.updatedAt, type: 'date', sortable: true },
  },
  defaultSort: '-updatedAt',
  id: opportunities.id,
};
