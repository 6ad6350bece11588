import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import { CustomFields } from '@nexo/custom-fields';
import { writeListCsv } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import type { Writable } from 'node:stream';
import { PARTY_CSV_COLUMNS } from './party.list.js';
import { PartyService } from './party.service.js';

/**
 * The parties list as CSV: the list's own query (filters, sort, search, the caller's scope),
 * every page, streamed inside the request's transaction. Columns the caller may not read are
 * not in the file at all; custom fields follow as `custom.<key>`. The export is audited.
 */
@Injectable()
export class PartyExportService {
  constructor(
    @Inject(PartyService) private readonly parties: PartyService,
    @Inject(CustomFields) private readonly customFields: CustomFields,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(PermissionService) private readonly permissions: PermissionService,
  ) {}

  async export(query: Record<string, unknown>, open: () => Writable): Promise<number> {
    const readable = await this.permissions.readableFields('crm.party', [
      ...PARTY_CSV_COLUMNS,
      'custom',
    ]);
    const customKeys = readable.includes('custom')
      ? (await this.customFields.list('crm.party')).filter((d) => !d.archived).map((d) => d.key)
      : [];
    const rows = await writeListCsv(
      {
        columns: [
          ...PARTY_CSV_COLUMNS.filter((c) => readable.includes(c)),
          ...customKeys.map((k) => `custom.${k}`),
        ],
        page: (q) => this.parties.list(q),
      },
      query,
      open,
    );
    await this.audit.record({
      action: 'export',
      resource: 'crm.party',
      resourceId: 'csv',
      after: { rows, query },
    });
    return rows;
  }
}
