import type { ListDefinition } from '@nexo/db';
import { sql } from 'drizzle-orm';
import { parties } from '../db/crm.tables.js';

/** The filters, sorts and search of the parties list (and its CSV export). */
export const PARTY_LIST: ListDefinition = {
  fields: {
    name: { column: parties.name, type: 'text', sortable: true, searchable: true },
    legalName: { column: parties.legalName, type: 'text', searchable: true },
    kind: { column: parties.kind, type: 'text' },
    isCustomer: { column: parties.isCustomer, type: 'boolean' },
    isSupplier: { column: parties.isSupplier, type: 'boolean' },
    isProfessional: { column: parties.isProfessional, type: 'boolean' },
    taxId: { column: parties.taxId, type: 'text', searchable: true },
    taxCondition: { column: parties.taxCondition, type: 'text' },
    recargoEquivalencia: { column: parties.recargoEquivalencia, type: 'boolean' },
    email: { column: parties.email, type: 'text', searchable: true },
    ownerId: { column: parties.ownerId, type: 'uuid' },
    teamId: { column: parties.teamId, type: 'uuid' },
    customerGroup: { column: parties.customerGroup, type: 'text' },
    status: { column: parties.status, type: 'text' },
    updatedAt: { column: parties.updatedAt, type: 'date', sortable: true },
  },
  defaultSort: 'name',
  id: parties.id,
  // Name, legal name, tax id and email, lower-cased (migration 0024; not in the Drizzle
  // schema, so records, audit entries and events never carry it).
  searchColumn: sql`${parties}.search_text`,
};

/** The columns of the CSV export, in order (those a role may not read are left out). */
export const PARTY_CSV_COLUMNS = [
  'id',
  'kind',
  'name',
  'legalName',
  'isCustomer',
  'isSupplier',
  'isProfessional',
  'taxCountry',
  'taxId',
  'email',
  'phone',
  'website',
  'tags',
  'ownerId',
  'teamId',
  'creditLimit',
  'paymentTermsDays',
  'customerGroup',
  'status',
] as const;
