import type { ListDefinition } from '@nexo/db';
import { leads } from '../db/crm.tables.js';

/** The filters, sorts and search of the leads list. */
export const LEAD_LIST: ListDefinition = {
  fields: {
    name: { column: leads.name, type: 'text', sortable: true, searchable: true },
    companyName: { column: leads.companyName, type: 'text', searchable: true },
    email: { column: leads.email, type: 'text', searchable: true },
    status: { column: leads.status, type: 'text' },
    source: { column: leads.source, type: 'text' },
    ownerId: { column: leads.ownerId, type: 'uuid' },
    updatedAt: { column: leads.updatedAt, type: 'date', sortable: true },
  },
  defaultSort: '-updatedAt',
  id: leads.id,
};
