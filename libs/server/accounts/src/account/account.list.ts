import type { ListDefinition } from '@nexo/db';
import { accounts } from '../db/accounts.tables.js';

/** The fields a list of accounts filters, sorts and searches by. */
export const ACCOUNT_LIST: ListDefinition = {
  fields: {
    code: { column: accounts.code, type: 'text', sortable: true, searchable: true },
    name: { column: accounts.name, type: 'text', sortable: true, searchable: true },
    type: { column: accounts.type, type: 'text' },
    parentId: { column: accounts.parentId, type: 'uuid' },
    updatedAt: { column: accounts.updatedAt, type: 'date', sortable: true },
  },
  defaultSort: 'code',
  id: accounts.id,
};

/** The columns the permission rules' conditions may name. */
export const ACCOUNT_COLUMNS = {
  id: accounts.id,
  code: accounts.code,
  name: accounts.name,
  type: accounts.type,
};
