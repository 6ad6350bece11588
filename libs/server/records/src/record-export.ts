import type { Writable } from 'node:stream';
import type { AuditLog } from '@nexo/audit';
import { writeListCsv, type ListPage } from '@nexo/db';
import type { PermissionService } from '@nexo/permissions';

/**
 * A list as CSV (ADR 0014), the one way every context exports: of `columns`, only those the
 * caller may read on `subject` become columns; every page of `page(query)` is streamed (the
 * download opens once the first page is read, so a bad query still answers problem+json);
 * the export is audited with its row count and query. Returns the rows written.
 */
export async function exportListCsv(
  services: { permissions: PermissionService; audit: AuditLog },
  spec: {
    subject: string;
    columns: readonly string[];
    page: (query: Record<string, unknown>) => Promise<ListPage<object>>;
  },
  query: Record<string, unknown>,
  open: () => Writable,
): Promise<number> {
  const columns = await services.permissions.readableFields(spec.subject, [...spec.columns]);
  const rows = await writeListCsv(
    {
      columns,
      page: (q) => spec.page(q) as Promise<ListPage<Record<string, unknown>>>,
    },
    query,
    open,
  );
  await services.audit.record({
    action: 'export',
    resource: spec.subject,
    resourceId: 'csv',
    after: { rows, query },
  });
  return rows;
}
