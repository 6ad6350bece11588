import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords } from '@nexo/db';
import { and, desc, eq, lte, sql } from 'drizzle-orm';
import { exchangeRates, tenants } from '../db/tenancy.tables.js';

export type ExchangeRateRow = typeof exchangeRates.$inferSelect;

/** A rate to write: one currency on one date. */
export interface RateToSave {
  currency: string;
  date: string;
  rate: string;
  source: 'manual' | 'csv';
}

/** What the rates of a company are relative to, and its calendar. */
export interface RateCompany {
  /** The base currency. */
  currency: string;
  /** Today where the company is (`YYYY-MM-DD`). */
  today: string;
}

/** The exchange rates: every query tenant first, on the request's transaction. */
@Injectable()
export class ExchangeRateRepository extends VersionedRecords<typeof exchangeRates> {
  constructor(@Inject(Database) database: Database) {
    super(database, exchangeRates);
  }

  /** The company's base currency and today's date; undefined when RLS hides the company. */
  async company(tenantId: string): Promise<RateCompany | undefined> {
    const [row] = await this.database
      .tx()
      .select({
        currency: tenants.currency,
        today: sql<string>`(now() at time zone ${tenants.timezone})::date::text`,
      })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    return row;
  }

  /** The rate of a currency on exactly this date. */
  async byKey(
    tenantId: string,
    currency: string,
    date: string,
  ): Promise<ExchangeRateRow | undefined> {
    const [row] = await this.database
      .tx()
      .select()
      .from(exchangeRates)
      .where(
        and(
          eq(exchangeRates.tenantId, tenantId),
          eq(exchangeRates.currency, currency),
          eq(exchangeRates.rateDate, date),
        ),
      );
    return row;
  }

  /** The latest rate of a currency on or before a date (one step down the unique index). */
  async latestOn(
    tenantId: string,
    currency: string,
    date: string,
  ): Promise<ExchangeRateRow | undefined> {
    const [row] = await this.database
      .tx()
      .select()
      .from(exchangeRates)
      .where(
        and(
          eq(exchangeRates.tenantId, tenantId),
          eq(exchangeRates.currency, currency),
          lte(exchangeRates.rateDate, date),
        ),
      )
      .orderBy(desc(exchangeRates.rateDate))
      .limit(1);
    return row;
  }

  /**
   * Inserts the rates, replacing the rate of a currency and date that exists (its version
   * moves on). The caller passes each (currency, date) once: PostgreSQL refuses one statement
   * that would change a row twice.
   */
  async upsert(tenantId: string, rates: readonly RateToSave[], newId: () => string) {
    if (!rates.length) return [];
    return this.database
      .tx()
      .insert(exchangeRates)
      .values(
        rates.map((r) => ({
          tenantId,
          id: newId(),
          currency: r.currency,
          rateDate: r.date,
          rate: r.rate,
          source: r.source,
        })),
      )
      .onConflictDoUpdate({
        target: [exchangeRates.tenantId, exchangeRates.currency, exchangeRates.rateDate],
        set: {
          rate: sql`excluded.rate`,
          source: sql`excluded.source`,
          updatedAt: sql`now()`,
          version: sql`${exchangeRates.version} + 1`,
        },
      })
      .returning();
  }
}
