import { Inject, Injectable } from '@nestjs/common';
import { Database, VersionedRecords } from '@nexo/db';
import { TenantDirectory } from '@nexo/tenancy';
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import { priceListRules, priceLists } from '../db/catalog.tables.js';

export type PriceListRow = typeof priceLists.$inferSelect;
export type PriceListRuleRow = typeof priceListRules.$inferSelect;

/** What price resolution asks: `quantity` of a unit holding `factor` base units. */
export interface RuleQuery {
  tenantId: string;
  itemId: string;
  variantId: string | null;
  partyId: string | null;
  customerGroup: string | null;
  quantity: string;
  factor: string;
  date: string;
  currency: string;
  /** The reader's rules on price lists, compiled. */
  readable: SQL;
}

export interface ChosenRule {
  ruleId: string;
  priceListId: string;
  kind: 'fixed' | 'discount';
  price: string | null;
  discountPercent: string | null;
}

/** Price lists and their rules; queries only, tenant first. */
@Injectable()
export class PriceListRepository extends VersionedRecords<typeof priceLists> {
  /** The lists' rules: the same versioned-record queries on their own table. */
  readonly rules: VersionedRecords<typeof priceListRules>;

  constructor(
    @Inject(Database) database: Database,
    @Inject(TenantDirectory) private readonly tenants: TenantDirectory,
  ) {
    super(database, priceLists);
    this.rules = new VersionedRecords(database, priceListRules);
  }

  async discountRuleCount(tenantId: string, priceListId: string): Promise<number> {
    const [row] = await this.database
      .tx()
      .select({ n: count() })
      .from(priceListRules)
      .where(
        and(
          eq(priceListRules.tenantId, tenantId),
          eq(priceListRules.priceListId, priceListId),
          eq(priceListRules.kind, 'discount'),
        ),
      );
    return row?.n ?? 0;
  }

  /** The company's currency and today's date where it is (tenancy's `TenantDirectory`). */
  async companyToday(tenantId: string): Promise<{ currency: string; today: string }> {
    const company = await this.tenants.summaryOf(tenantId);
    if (!company) throw new Error('The current company is not visible');
    return { currency: company.currency, today: company.today };
  }

  /**
   * The one rule that prices the item, by the documented precedence:
   * 1. the list's audience: the party's own list, then its group's, then a general one;
   * 2. the narrower validity: a list with both dates, the shorter span first; then the one
   *    that started later, then the one that ends sooner (open ends count as endless);
   * 3. a rule for the variant over a rule for the whole item;
   * 4. the highest quantity break not above the quantity;
   * 5. on a tie, the newer list and rule (ids are time-ordered).
   * Only active lists in the currency, valid on the date, that the reader may read.
   */
  async bestRule(q: RuleQuery): Promise<ChosenRule | undefined> {
    const l = priceLists;
    const r = priceListRules;
    const audience = [
      and(sql`${l.partyId} is null`, sql`${l.customerGroup} is null`),
      ...(q.partyId ? [eq(l.partyId, q.partyId)] : []),
      ...(q.customerGroup ? [eq(l.customerGroup, q.customerGroup)] : []),
    ];
    const [row] = await this.database
      .tx()
      .select({
        ruleId: r.id,
        priceListId: l.id,
        kind: sql<'fixed' | 'discount'>`${r.kind}`,
        price: r.price,
        discountPercent: r.discountPercent,
      })
      .from(r)
      .innerJoin(l, and(eq(l.tenantId, r.tenantId), eq(l.id, r.priceListId)))
      .where(
        and(
          eq(r.tenantId, q.tenantId),
          eq(r.itemId, q.itemId),
          q.variantId
            ? sql`(${r.variantId} is null or ${r.variantId} = ${q.variantId})`
            : sql`${r.variantId} is null`,
          // Quantity breaks are in the base unit.
          sql`${r.minQuantity} <= ${q.quantity}::numeric * ${q.factor}::numeric`,
          eq(l.active, true),
          eq(l.currency, q.currency),
          sql`(${l.validFrom} is null or ${l.validFrom} <= ${q.date}::date)`,
          sql`(${l.validTo} is null or ${l.validTo} >= ${q.date}::date)`,
          sql`(${sql.join(audience, sql` or `)})`,
          q.readable,
        ),
      )
      .orderBy(
        sql`case when ${l.partyId} is not null then 0 when ${l.customerGroup} is not null then 1 else 2 end`,
        sql`${l.validTo} - ${l.validFrom} asc nulls last`,
        sql`${l.validFrom} desc nulls last`,
        sql`${l.validTo} asc nulls last`,
        sql`${r.variantId} is null`,
        sql`${r.minQuantity} desc`,
        sql`${l.id} desc`,
        sql`${r.id} desc`,
      )
      .limit(1);
    return row;
  }
}
