import type { NexoClient } from '@nexo/api-client';
import { describe, expect, it, vi } from 'vitest';
import { listQuery } from './api';

vi.mock('@nexo/api-client', () => ({ createNexoClient: () => ({}) }));

describe('listQuery', () => {
  it('passes the query on as it is, filters included', () => {
    const query = { q: 'acme', limit: '10', kind: 'person', isCustomer: undefined };
    expect(listQuery(query)).toBe(query);
  });
});

/**
 * Never run: `tsc -p apps/portal-employees` checks that a list query is typed by the route
 * it is sent to (an `@ts-expect-error` that no longer errs fails the typecheck).
 */
export function typedByTheRoute(api: NexoClient): void {
  void api.GET('/api/v1/crm/parties', {
    params: { query: listQuery({ q: 'acme', count: 'true', kind: 'person' }) },
  });
  // @ts-expect-error a declared parameter keeps its declared type
  void api.GET('/api/v1/crm/parties', { params: { query: listQuery({ count: 'yes' }) } });
  // @ts-expect-error a declared parameter keeps its declared type
  void api.GET('/api/v1/crm/parties', { params: { query: listQuery({ limit: 10 }) } });
  void api.GET('/api/v1/crm/parties/{id}', {
    // @ts-expect-error one record's route is no list
    params: { path: { id: 'x' }, query: listQuery({ limit: '10' }) },
  });
}
