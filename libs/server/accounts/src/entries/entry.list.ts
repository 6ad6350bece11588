import type { ListDefinition } from '@nexo/db';
import { entries } from '../db/accounts.tables.js';

/** The fields a list of entries filters, sorts and searches by. */
export const ENTRY_LIST: ListDefinition = {
  fields: {
    number: { column: entries.number, type: 'text', sortable: true, searchable: true },
    description: { column: entries.description, type: 'text', searchable: true },
    journalId: { column: entries.journalId, type: 'uuid' },
    state: { column: entries.state, type: 'text' },
    entryDate: { column: entries.entryDate, type: 'date', sortable: true },
    sourceType: { column: entries.sourceType, type: 'text' },
    sourceId: { column: entries.sourceId, type: 'uuid' },
    createdAt: { column: entries.createdAt, type: 'date', sortable: true },
  },
  defaultSort: '-entryDate',
  id: entries.id,
};

/** The columns the permission rules' conditions may name. */
export const ENTRY_COLUMNS = {
  id: entries.id,
  journal_id: entries.journalId,
  state: entries.state,
};
