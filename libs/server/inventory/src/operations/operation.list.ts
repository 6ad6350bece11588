import type { ListDefinition } from '@nexo/db';
import { operations } from '../db/inventory.tables.js';

/** The fields a list of operations filters, sorts and searches by. */
export const OPERATION_LIST: ListDefinition = {
  fields: {
    number: { column: operations.number, type: 'text', sortable: true, searchable: true },
    kind: { column: operations.kind, type: 'text' },
    state: { column: operations.state, type: 'text' },
    warehouseId: { column: operations.warehouseId, type: 'uuid' },
    effectiveDate: { column: operations.effectiveDate, type: 'date', sortable: true },
    createdAt: { column: operations.createdAt, type: 'date', sortable: true },
    updatedAt: { column: operations.updatedAt, type: 'date', sortable: true },
  },
  defaultSort: '-createdAt',
  id: operations.id,
};

/** The columns the permission rules' conditions may name (snake_case). */
export const OPERATION_COLUMNS = {
  id: operations.id,
  kind: operations.kind,
  state: operations.state,
  number: operations.number,
  warehouse_id: operations.warehouseId,
  effective_date: operations.effectiveDate,
};

/** The list's CSV columns: the header, never its lines. */
export const OPERATION_CSV_COLUMNS = [
  'number',
  'kind',
  'state',
  'warehouseId',
  'locationId',
  'fromLocationId',
  'toLocationId',
  'viaTransit',
  'reason',
  'effectiveDate',
  'issuedAt',
  'receivedAt',
  'notes',
] as const;
