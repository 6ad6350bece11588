import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords } from '@nexo/db';
import { and, asc, eq } from 'drizzle-orm';
import { lots, operationLines, operations } from '../db/inventory.tables.js';

export type OperationRow = typeof operations.$inferSelect;
export type OperationLineRow = typeof operationLines.$inferSelect & { lotCode: string | null };
export type OperationLineInsert = typeof operationLines.$inferInsert;

/** Operations and their lines: tenant first, on the request's transaction. */
@Injectable()
export class OperationRepository extends VersionedRecords<typeof operations> {
  constructor(@Inject(Database) database: Database) {
    super(database, operations);
  }

  /** An operation's lines in order, with their lots' codes. */
  async lines(tenantId: string, documentId: string): Promise<OperationLineRow[]> {
    return this.database
      .tx()
      .select({
        tenantId: operationLines.tenantId,
        id: operationLines.id,
        documentId: operationLines.documentId,
        position: operationLines.position,
        itemId: operationLines.itemId,
        variantId: operationLines.variantId,
        lotId: operationLines.lotId,
        lotCode: lots.code,
        quantity: operationLines.quantity,
        unitCost: operationLines.unitCost,
        createdAt: operationLines.createdAt,
        updatedAt: operationLines.updatedAt,
        version: operationLines.version,
      })
      .from(operationLines)
      .leftJoin(
        lots,
        and(eq(lots.tenantId, operationLines.tenantId), eq(lots.id, operationLines.lotId)),
      )
      .where(and(eq(operationLines.tenantId, tenantId), eq(operationLines.documentId, documentId)))
      .orderBy(asc(operationLines.position));
  }

  async replaceLines(tenantId: string, documentId: string, rows: OperationLineInsert[]) {
    await this.database
      .tx()
      .delete(operationLines)
      .where(and(eq(operationLines.tenantId, tenantId), eq(operationLines.documentId, documentId)));
    if (rows.length > 0) await this.database.tx().insert(operationLines).values(rows);
  }
}
