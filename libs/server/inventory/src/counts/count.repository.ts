import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords } from '@nexo/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import { countLines, counts, locations, lots } from '../db/inventory.tables.js';

export type CountRow = typeof counts.$inferSelect;
export type CountLineRow = typeof countLines.$inferSelect & {
  lotCode: string | null;
  locationPath: string | null;
};

/** Counts and their lines: tenant first, on the request's transaction. */
@Injectable()
export class CountRepository extends VersionedRecords<typeof counts> {
  constructor(@Inject(Database) database: Database) {
    super(database, counts);
  }

  /** The count, its row locked against a concurrent post while lines are counted. */
  async sharedById(tenantId: string, id: string): Promise<CountRow | undefined> {
    const [row] = await this.database
      .tx()
      .select()
      .from(counts)
      .where(and(eq(counts.tenantId, tenantId), eq(counts.id, id)))
      .for('share');
    return row;
  }

  private linesQuery(tenantId: string) {
    return this.database
      .tx()
      .select({
        tenantId: countLines.tenantId,
        id: countLines.id,
        documentId: countLines.documentId,
        locationId: countLines.locationId,
        itemId: countLines.itemId,
        variantId: countLines.variantId,
        lotId: countLines.lotId,
        expected: countLines.expected,
        counted: countLines.counted,
        createdAt: countLines.createdAt,
        updatedAt: countLines.updatedAt,
        version: countLines.version,
        lotCode: lots.code,
        locationPath: locations.path,
      })
      .from(countLines)
      .leftJoin(lots, and(eq(lots.tenantId, countLines.tenantId), eq(lots.id, countLines.lotId)))
      .leftJoin(
        locations,
        and(eq(locations.tenantId, tenantId), eq(locations.id, countLines.locationId)),
      );
  }

  /** A count's lines by location path, then item and lot. */
  async lines(tenantId: string, documentId: string): Promise<CountLineRow[]> {
    return this.linesQuery(tenantId)
      .where(and(eq(countLines.tenantId, tenantId), eq(countLines.documentId, documentId)))
      .orderBy(
        asc(locations.path),
        asc(countLines.itemId),
        asc(countLines.lotId),
        asc(countLines.id),
      );
  }

  async line(tenantId: string, documentId: string, id: string): Promise<CountLineRow | undefined> {
    const [row] = await this.linesQuery(tenantId).where(
      and(
        eq(countLines.tenantId, tenantId),
        eq(countLines.documentId, documentId),
        eq(countLines.id, id),
      ),
    );
    return row;
  }

  /**
   * The snapshot `start` takes: a line per balance that is not zero in the location `path`
   * and every location under it, expecting what it has on hand now.
   */
  async freeze(tenantId: string, documentId: string, path: string): Promise<number> {
    const result = await this.database.tx().execute(sql`
      insert into inventory.count_lines
        (tenant_id, id, document_id, location_id, item_id, variant_id, lot_id, expected)
      select b.tenant_id, gen_random_uuid(), ${documentId}::uuid, b.location_id, b.item_id,
             b.variant_id, b.lot_id, b.on_hand
        from inventory.balances b
        join inventory.locations l on l.tenant_id = b.tenant_id and l.id = b.location_id
       where b.tenant_id = ${tenantId}::uuid
         and (l.path = ${path} or left(l.path, length(${path}) + 1) = ${`${path}/`})
         and b.on_hand <> 0`);
    return result.rowCount ?? 0;
  }

  /** Sets what was counted on lines of the count; the ids of the lines it changed. */
  async setCounted(
    tenantId: string,
    documentId: string,
    changes: readonly { id: string; counted: string | null }[],
  ): Promise<Set<string>> {
    const done = new Set<string>();
    for (const c of changes) {
      const rows = await this.database
        .tx()
        .update(countLines)
        .set({
          counted: c.counted,
          updatedAt: sql`now()`,
          version: sql`${countLines.version} + 1`,
        })
        .where(
          and(
            eq(countLines.tenantId, tenantId),
            eq(countLines.documentId, documentId),
            eq(countLines.id, c.id),
          ),
        )
        .returning({ id: countLines.id });
      for (const r of rows) done.add(r.id);
    }
    return done;
  }

  /**
   * Adds `quantity` to what was counted of (location, item, variant, lot) on the count: a new
   * line expecting 0 when the snapshot had none. One statement, so two scanners of the same
   * item add up.
   */
  async addCounted(
    tenantId: string,
    documentId: string,
    key: { locationId: string; itemId: string; variantId: string | null; lotId: string | null },
    quantity: string,
  ): Promise<string> {
    const { rows } = await this.database.tx().execute<{ id: string }>(sql`
      insert into inventory.count_lines as c
        (tenant_id, id, document_id, location_id, item_id, variant_id, lot_id, expected, counted)
      values (${tenantId}::uuid, gen_random_uuid(), ${documentId}::uuid, ${key.locationId}::uuid,
              ${key.itemId}::uuid, ${key.variantId}::uuid, ${key.lotId}::uuid, 0, ${quantity}::numeric)
      on conflict on constraint count_lines_key do update
        set counted = coalesce(c.counted, 0) + excluded.counted,
            updated_at = now(),
            version = c.version + 1
      returning c.id`);
    const id = rows[0]?.id;
    if (!id) throw new Error('scan wrote no line');
    return id;
  }
}
