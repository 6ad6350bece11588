import {
  parseListQuery,
  type ListDefinition,
  type ListField,
  type ListPage,
  type ListRequest,
  type VersionedTable,
} from '@nexo/db';
import { columnsOf, type PermissionService } from '@nexo/permissions';
import { currentPrincipal } from '@nexo/platform';
import { and, eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Masked } from './masked.js';

/** A list of one resource's records: what it is, its table and its fields. */
export interface RecordList {
  /** The permission subject (`crm.party`): its `read` rules scope the rows, its masks the fields. */
  subject: string;
  table: VersionedTable;
  definition: ListDefinition;
  /** The table's custom-field column, for `custom.<key>` filters and sorts; none without. */
  custom?: AnyPgColumn;
  /** The columns rules may name (snake_case); every column of the table when absent. */
  columns?: Record<string, AnyPgColumn>;
}

/**
 * The services a list reads the caller's scope, masks and custom fields from (the custom
 * fields are `@nexo/custom-fields`' `CustomFields`, named by its shape: records may not use it).
 */
export interface RecordListServices {
  permissions: PermissionService;
  /** Needed only for a list with custom fields (`custom`). */
  customFields?: {
    listFields(
      resource: string,
      custom: AnyPgColumn,
      query: Record<string, unknown>,
    ): Promise<Record<string, ListField>>;
  };
}

/** The rows of `list` the caller may read: its tenant first, then its role's rules. */
export async function recordScope(
  permissions: PermissionService,
  list: Pick<RecordList, 'subject' | 'table' | 'columns'>,
): Promise<SQL | undefined> {
  return and(
    eq(list.table.tenantId, currentPrincipal().tenantId),
    await permissions.where('read', list.subject, list.columns ?? columnsOf(list.table)),
  );
}

/**
 * The list request for a query string: the definition's filters, sorts and search (with the
 * tenant's custom fields), within the caller's tenant first, then the rows its role may read,
 * then `narrow` (a view of the list, such as "my open tasks").
 */
export async function recordListRequest(
  services: RecordListServices,
  list: RecordList,
  query: Record<string, unknown>,
  narrow?: SQL,
): Promise<ListRequest> {
  const custom =
    list.custom && services.customFields
      ? await services.customFields.listFields(list.subject, list.custom, query)
      : {};
  return parseListQuery(
    { ...list.definition, fields: { ...list.definition.fields, ...custom } },
    query,
    and(await recordScope(services.permissions, list), narrow),
  );
}

/**
 * One page of a list: the request (`recordListRequest`), the repository's page of rows
 * (`VersionedRecords.page`), each shown as the caller may see it (`view`, by default the
 * subject's field masks: the `<Resource>View`).
 */
export async function listRecords<R extends { id: string; tenantId: string }, V = Masked<R>>(
  services: RecordListServices,
  list: RecordList & { records: { page(request: ListRequest): Promise<ListPage<R>> } },
  query: Record<string, unknown>,
  options: { narrow?: SQL | undefined; view?: (row: R) => V } = {},
): Promise<ListPage<V>> {
  const request = await recordListRequest(services, list, query, options.narrow);
  const page = await list.records.page(request);
  const view =
    options.view ?? ((await services.permissions.viewer<R>(list.subject)) as (row: R) => V);
  return { ...page, items: page.items.map(view) };
}
