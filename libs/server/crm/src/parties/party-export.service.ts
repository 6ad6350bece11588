import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import { CustomFields } from '@nexo/custom-fields';
import { Database, LIST_LIMIT_MAX } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { stringify } from 'csv-stringify';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { PARTY_CSV_COLUMNS } from './party.list.js';
import { PartyService, type PartyView } from './party.service.js';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(cell).join('|');
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/**
 * The parties list as CSV: the list's own query (filters, sort, search, the caller's scope),
 * every page, streamed as it is read inside the request's transaction. Columns the caller
 * may not read are not in the file at all; custom fields follow as `custom.<key>`.
 */
@Injectable()
export class PartyExportService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PartyService) private readonly parties: PartyService,
    @Inject(CustomFields) private readonly customFields: CustomFields,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(PermissionService) private readonly permissions: PermissionService,
  ) {}

  async export(query: Record<string, unknown>, out: Writable): Promise<number> {
    const customKeys = (await this.customFields.list('crm.party'))
      .filter((d) => !d.archived)
      .map((d) => d.key);
    // The columns this role may read on some party; each row is masked on its own too.
    const readable = await this.permissions.readableFields('crm.party', [
      ...PARTY_CSV_COLUMNS,
      'custom',
    ]);
    const columns = PARTY_CSV_COLUMNS.filter((c) => readable.includes(c));
    const withCustom = readable.includes('custom');
    const header = [...columns, ...(withCustom ? customKeys.map((k) => `custom.${k}`) : [])];
    const csv = stringify({ header: true, columns: header, bom: true });
    csv.pipe(out);
    let rows = 0;
    let cursor: string | undefined;
    do {
      const page = await this.parties.list({
        ...query,
        limit: String(LIST_LIMIT_MAX),
        count: 'false',
        ...(cursor ? { cursor } : {}),
      });
      for (const party of page.items) {
        if (!csv.write(this.line(party, columns, withCustom ? customKeys : [])))
          await once(csv, 'drain');
        rows++;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    csv.end();
    await once(out, 'finish');
    await this.audit.record({
      action: 'export',
      resource: 'crm.party',
      resourceId: 'csv',
      after: { rows, query },
    });
    return rows;
  }

  private line(party: PartyView, columns: readonly string[], customKeys: string[]): string[] {
    const record = party as Record<string, unknown>;
    const custom = (record.custom ?? {}) as Record<string, unknown>;
    return [...columns.map((c) => cell(record[c])), ...customKeys.map((k) => cell(custom[k]))];
  }
}
