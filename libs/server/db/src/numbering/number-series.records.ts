import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq, sql } from 'drizzle-orm';
import { Database } from '../client/database.js';
import { numberSeries } from '../db/platform.tables.js';

export type NumberSeriesRow = typeof numberSeries.$inferSelect;

/**
 * The number series as their settings edit them (tenancy's routes). The table is this
 * library's, beside `Numbering` that issues from it, so the queries live here and no
 * context writes another's schema. Queries only, on the request's transaction; RLS confines
 * them to the current tenant.
 */
@Injectable()
export class NumberSeriesRecords {
  constructor(@Inject(Database) private readonly database: Database) {}

  async list(tenantId: string): Promise<NumberSeriesRow[]> {
    return this.database
      .tx()
      .select()
      .from(numberSeries)
      .where(eq(numberSeries.tenantId, tenantId))
      .orderBy(asc(numberSeries.documentType), asc(numberSeries.series));
  }

  /** The calendar year of the database clock, the one `Numbering.next` resets by. */
  async currentYear(): Promise<number> {
    const result = await this.database
      .tx()
      .execute<{ year: number }>(sql`select extract(year from now())::int as year`);
    return Number(result.rows[0]?.year);
  }

  /**
   * The series, locked until the transaction ends: a document being numbered in it right now
   * finishes first, so the `next` read here is the last one issued plus one.
   */
  async lock(tenantId: string, id: string): Promise<NumberSeriesRow | undefined> {
    const [row] = await this.database
      .tx()
      .select()
      .from(numberSeries)
      .where(and(eq(numberSeries.tenantId, tenantId), eq(numberSeries.id, id)))
      .for('update');
    return row;
  }

  async insert(row: typeof numberSeries.$inferInsert): Promise<NumberSeriesRow> {
    const [created] = await this.database.tx().insert(numberSeries).values(row).returning();
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  async update(
    tenantId: string,
    id: string,
    changes: Partial<typeof numberSeries.$inferInsert>,
  ): Promise<NumberSeriesRow> {
    const [row] = await this.database
      .tx()
      .update(numberSeries)
      .set({ ...changes, updatedAt: sql`now()`, version: sql`${numberSeries.version} + 1` })
      .where(and(eq(numberSeries.tenantId, tenantId), eq(numberSeries.id, id)))
      .returning();
    if (!row) throw new Error('update of a locked row returned nothing');
    return row;
  }
}
