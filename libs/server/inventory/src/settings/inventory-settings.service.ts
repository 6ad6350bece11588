import { Inject, Injectable } from '@nestjs/common';
import type { ValuationMethod } from '@nexo/contracts/inventory';
import { Database } from '@nexo/db';
import { currentPrincipal } from '@nexo/platform';
import { eq, sql } from 'drizzle-orm';
import { moves, settings } from '../db/inventory.tables.js';

export type InventorySettingsRow = typeof settings.$inferSelect;

/** How the company values its stock and the day before which no move may be dated. */
export interface StockSettings {
  valuationMethod: ValuationMethod;
  /** `YYYY-MM-DD`, or null when nothing is locked. */
  stockLockDate: string | null;
}

/** What a company that never saved its settings has. */
export const DEFAULT_STOCK_SETTINGS: StockSettings = {
  valuationMethod: 'average',
  stockLockDate: null,
};

/**
 * Inventory's public read of the company's stock settings (the posting service values and
 * dates moves with them), and the queries of the settings row. On the caller's transaction.
 */
@Injectable()
export class InventorySettings {
  constructor(@Inject(Database) private readonly database: Database) {}

  /**
   * The principal's company's settings; the defaults (average, no lock) when never saved. The
   * row is held FOR SHARE until the transaction ends: a posting that valued its moves with the
   * method is committed before a change of the method looks for moves (which then finds them).
   */
  async current(): Promise<StockSettings> {
    const row = await this.row(currentPrincipal().tenantId, 'share');
    return row
      ? {
          valuationMethod: row.valuationMethod as ValuationMethod,
          stockLockDate: row.stockLockDate,
        }
      : { ...DEFAULT_STOCK_SETTINGS };
  }

  /** The stored row, locked until the transaction ends when `lock` says so. */
  async row(
    tenantId: string,
    lock?: 'share' | 'update',
  ): Promise<InventorySettingsRow | undefined> {
    const query = this.database.tx().select().from(settings).where(eq(settings.tenantId, tenantId));
    const [row] = lock ? await query.for(lock) : await query;
    return row;
  }

  /** Writes the settings (the first save inserts the row), one version further. */
  async save(tenantId: string, values: StockSettings): Promise<InventorySettingsRow> {
    const [row] = await this.database
      .tx()
      .insert(settings)
      .values({ tenantId, ...values })
      .onConflictDoUpdate({
        target: settings.tenantId,
        set: {
          ...values,
          updatedAt: sql`now()`,
          version: sql`${settings.version} + 1`,
        },
      })
      .returning();
    if (!row) throw new Error('upsert returned no row');
    return row;
  }

  /** Whether the company has posted any stock move. */
  async anyMove(tenantId: string): Promise<boolean> {
    const [row] = await this.database
      .tx()
      .select({ id: moves.id })
      .from(moves)
      .where(eq(moves.tenantId, tenantId))
      .limit(1);
    return row !== undefined;
  }
}
