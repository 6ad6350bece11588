import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DocumentLineRow, DocumentRow, DocumentTables } from './document-type.js';

type HeaderInsert = DocumentTables['header']['$inferInsert'];
type LineInsert = DocumentTables['lines']['$inferInsert'];

/** Every query of the kit, tenant first, on the request's transaction. */
@Injectable()
export class DocumentStore {
  constructor(@Inject(Database) private readonly database: Database) {}

  async header(tables: DocumentTables, tenantId: string, id: string, lock = false) {
    const { header } = tables;
    const query = this.database
      .tx()
      .select()
      .from(header)
      .where(and(eq(header.tenantId, tenantId), eq(header.id, id)));
    const [row] = await (lock ? query.for('update') : query);
    return row;
  }

  async lines(tables: DocumentTables, tenantId: string, documentId: string) {
    const { lines } = tables;
    return (await this.database
      .tx()
      .select()
      .from(lines)
      .where(and(eq(lines.tenantId, tenantId), eq(lines.documentId, documentId)))
      .orderBy(asc(lines.position))) as DocumentLineRow[];
  }

  async linesByIds(lines: DocumentTables['lines'], tenantId: string, ids: string[]) {
    if (ids.length === 0) return [];
    return (await this.database
      .tx()
      .select()
      .from(lines)
      .where(and(eq(lines.tenantId, tenantId), inArray(lines.id, ids)))) as DocumentLineRow[];
  }

  async insertHeader(tables: DocumentTables, row: HeaderInsert) {
    const [inserted] = await this.database.tx().insert(tables.header).values(row).returning();
    return inserted as DocumentRow;
  }

  async insertLines(tables: DocumentTables, rows: LineInsert[]) {
    if (rows.length === 0) return [];
    const inserted: DocumentLineRow[] = await this.database
      .tx()
      .insert(tables.lines)
      .values(rows)
      .returning();
    return inserted;
  }

  async deleteLines(tables: DocumentTables, tenantId: string, documentId: string) {
    const { lines } = tables;
    await this.database
      .tx()
      .delete(lines)
      .where(and(eq(lines.tenantId, tenantId), eq(lines.documentId, documentId)));
  }

  /** Writes the lines' figures (net, tax, total) where they changed, in one statement. */
  async setLineFigures(
    tables: DocumentTables,
    tenantId: string,
    rows: readonly Pick<DocumentLineRow, 'id' | 'net' | 'taxAmount' | 'total'>[],
  ) {
    if (rows.length === 0) return;
    const figures = JSON.stringify(
      rows.map((r) => ({ id: r.id, net: r.net, tax_amount: r.taxAmount, total: r.total })),
    );
    await this.database.tx().execute(sql`
      update ${tables.lines} as l
         set net = f.net, tax_amount = f.tax_amount, total = f.total, updated_at = now()
        from jsonb_to_recordset(${figures}::jsonb)
             as f(id uuid, net numeric, tax_amount numeric, total numeric)
       where l.tenant_id = ${tenantId} and l.id = f.id
         and (l.net, l.tax_amount, l.total) is distinct from (f.net, f.tax_amount, f.total)`);
  }

  /** Changes the header at the version the caller read; undefined when it moved on. */
  async updateHeader(
    tables: DocumentTables,
    tenantId: string,
    id: string,
    version: number,
    changes: Partial<HeaderInsert>,
  ) {
    const { header } = tables;
    const [row] = await this.database
      .tx()
      .update(header)
      .set({ ...changes, updatedAt: sql`now()`, version: sql`${header.version} + 1` })
      .where(and(eq(header.tenantId, tenantId), eq(header.id, id), eq(header.version, version)))
      .returning();
    return row;
  }

  async deleteHeader(tables: DocumentTables, tenantId: string, id: string, version: number) {
    const { header } = tables;
    const rows = await this.database
      .tx()
      .delete(header)
      .where(and(eq(header.tenantId, tenantId), eq(header.id, id), eq(header.version, version)))
      .returning({ id: header.id });
    return rows.length > 0;
  }
}
