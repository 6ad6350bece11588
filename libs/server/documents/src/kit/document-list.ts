import type { ListDefinition } from '@nexo/db';
import type { DocumentTables } from './document-type.js';

/** The list every document type has: by number, state, party, dates, currency and total. */
export function documentList(tables: DocumentTables): ListDefinition {
  const h = tables.header;
  return {
    fields: {
      number: { column: h.number, type: 'text', sortable: true, searchable: true },
      state: { column: h.state, type: 'text' },
      partyId: { column: h.partyId, type: 'uuid' },
      ownerId: { column: h.ownerId, type: 'uuid' },
      currency: { column: h.currency, type: 'text' },
      total: { column: h.total, type: 'number', sortable: true },
      documentDate: { column: h.documentDate, type: 'date', sortable: true },
      dueDate: { column: h.dueDate, type: 'date', sortable: true },
      updatedAt: { column: h.updatedAt, type: 'date', sortable: true },
    },
    defaultSort: '-documentDate',
    id: h.id,
  };
}

/** What rules about documents may name (snake_case, as in the database). */
export function documentColumns(tables: DocumentTables) {
  const h = tables.header;
  return {
    id: h.id,
    state: h.state,
    number: h.number,
    party_id: h.partyId,
    owner_id: h.ownerId,
    currency: h.currency,
    total: h.total,
    document_date: h.documentDate,
  };
}

/** A document list's CSV columns: the header's figures, never its lines. */
export const DOCUMENT_CSV_COLUMNS = [
  'number',
  'state',
  'documentDate',
  'dueDate',
  'partyId',
  'currency',
  'net',
  'taxes',
  'withheld',
  'rounding',
  'total',
  'issuedAt',
] as const;
