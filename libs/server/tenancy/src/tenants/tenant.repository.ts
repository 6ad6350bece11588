import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { tenants } from '../db/tenancy.tables.js';

/** The company's record as its settings read it: every column but the logo's bytes. */
const { logo: _logo, logoType: _logoType, ...SETTINGS_COLUMNS } = getTableColumns(tenants);
const SETTINGS = {
  ...SETTINGS_COLUMNS,
  hasLogo: sql<boolean>`${tenants.logo} is not null`.mapWith(Boolean),
};

export type TenantRow = Omit<typeof tenants.$inferSelect, 'logo' | 'logoType'> & {
  hasLogo: boolean;
};

/** A company's logo as stored: its bytes and their media type. */
export interface TenantLogo {
  contentType: string;
  data: Buffer;
}

/** Queries only; runs on the request's transaction, so RLS confines it to the current tenant. */
@Injectable()
export class TenantRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  async insert(row: Omit<typeof tenants.$inferInsert, 'logo' | 'logoType'>): Promise<TenantRow> {
    const [created] = await this.database.tx().insert(tenants).values(row).returning(SETTINGS);
    if (!created) throw new Error('insert returned no row');
    return created;
  }

  /** The update at the version the caller read; undefined when it is not that version (any more). */
  async update(
    id: string,
    version: number,
    changes: Partial<Omit<typeof tenants.$inferInsert, 'logo' | 'logoType'>>,
  ): Promise<TenantRow | undefined> {
    const [row] = await this.database
      .tx()
      .update(tenants)
      .set({ ...changes, updatedAt: sql`now()`, version: sql`${tenants.version} + 1` })
      .where(and(eq(tenants.id, id), eq(tenants.version, version)))
      .returning(SETTINGS);
    return row;
  }

  /** The company's settings; with `lock`, its row stays locked to the transaction's end. */
  async findById(id: string, lock = false): Promise<TenantRow | undefined> {
    const query = this.database.tx().select(SETTINGS).from(tenants).where(eq(tenants.id, id));
    const [row] = await (lock ? query.for('update') : query);
    return row;
  }

  /**
   * Sets (or, with null, removes) the logo. The settings' version and update time stay: the
   * logo is changed on its own routes, and a settings form open meanwhile still saves.
   */
  async setLogo(id: string, logo: TenantLogo | null): Promise<boolean> {
    const rows = await this.database
      .tx()
      .update(tenants)
      .set({ logo: logo?.data ?? null, logoType: logo?.contentType ?? null })
      .where(eq(tenants.id, id))
      .returning({ id: tenants.id });
    return rows.length > 0;
  }
}
