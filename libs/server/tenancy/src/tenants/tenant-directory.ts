import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { Database } from '@nexo/db';
import { asc, and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { tenants } from '../db/tenancy.tables.js';
import { ExchangeRateRepository } from '../exchange-rates/exchange-rate.repository.js';
import { ExchangeRates } from '../exchange-rates/exchange-rates.js';

/** What other contexts read of a company: its names and its local settings. */
export interface TenantSummary {
  id: string;
  slug: string;
  name: string;
  status: string;
  locale: string;
  /** The base currency, the default of amounts and price lists. */
  currency: string;
  /** ISO 3166-1: whose country pack (taxes, tax conditions) the company follows. */
  country: string;
  /** Its tax condition under that pack, if set (`responsable_inscripto`). */
  taxCondition: string | null;
  timezone: string;
  requireMfaEmployees: boolean;
  /** Today's date where the company is (`YYYY-MM-DD`), as of the transaction's start. */
  today: string;
}

const SUMMARY = {
  id: tenants.id,
  slug: tenants.slug,
  name: tenants.name,
  status: tenants.status,
  locale: tenants.locale,
  currency: tenants.currency,
  country: tenants.country,
  taxCondition: tenants.taxCondition,
  timezone: tenants.timezone,
  requireMfaEmployees: tenants.requireMfaEmployees,
  today: sql<string>`(now() at time zone ${tenants.timezone})::date::text`,
};

/**
 * Companies as other contexts read them. `tenancy.tenants` is this context's table: auth,
 * crm and catalog ask here rather than query it. Runs in the caller's transaction, so RLS
 * shows what it shows the caller: the current company, or a user's own companies.
 */
@Injectable()
export class TenantDirectory {
  constructor(@Inject(Database) private readonly database: Database) {}

  /** The company, whatever its status; undefined when RLS hides it (or there is none). */
  async summaryOf(tenantId: string): Promise<TenantSummary | undefined> {
    const [row] = await this.database
      .tx()
      .select(SUMMARY)
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    return row;
  }

  /**
   * The request's own company, which RLS always shows its principal: its base currency (the
   * one of prices, limits and tax amounts) and country (the rules of its taxes).
   */
  async currentOf(tenantId: string): Promise<TenantSummary> {
    const company = await this.summaryOf(tenantId);
    if (!company) throw new Error('The current company is not visible');
    return company;
  }

  /**
   * The company's logo for its documents (PNG or JPEG bytes, as `DocumentPdfCompany.logo`
   * takes them), or null when it has none or RLS hides the company. Only this read and the
   * logo's own route select the bytes.
   */
  async logoOf(tenantId: string): Promise<{ contentType: string; data: Buffer } | null> {
    const [row] = await this.database
      .tx()
      .select({ contentType: tenants.logoType, data: tenants.logo })
      .from(tenants)
      .where(and(eq(tenants.id, tenantId), isNotNull(tenants.logo)));
    return row?.data && row.contentType ? { contentType: row.contentType, data: row.data } : null;
  }

  /** Of these companies, the active ones the caller may see, by name. */
  async activeAmong(tenantIds: readonly string[]): Promise<TenantSummary[]> {
    if (!tenantIds.length) return [];
    return this.database
      .tx()
      .select(SUMMARY)
      .from(tenants)
      .where(and(inArray(tenants.id, [...tenantIds]), eq(tenants.status, 'active')))
      .orderBy(asc(tenants.name));
  }
}

/**
 * The directory alone, without tenancy's routes: identity is always mounted and needs it, and
 * so do contexts mounted without tenancy (`NEXO_MODULES=crm`). Global, like the permission
 * engine; the auth module imports it, so every API process has it. The exchange rates
 * (`ExchangeRates.rateOn`) come with it, for the same reason: documents convert with them.
 */
@Global()
@Module({
  providers: [TenantDirectory, ExchangeRateRepository, ExchangeRates],
  exports: [TenantDirectory, ExchangeRates],
})
export class TenantDirectoryModule {}
