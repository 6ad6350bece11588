import { Inject, Injectable } from '@nestjs/common';
import {
  CURRENT_TENANT,
  Database,
  TRIGRAM_THRESHOLD,
  VersionedRecords,
  bump,
  byId,
} from '@nexo/db';
import { TenantDirectory } from '@nexo/tenancy';
import { and, asc, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { addresses, contacts, emailKey, parties } from '../db/crm.tables.js';
import { repointCustomReference } from '../shared/custom-reference.js';

export type PartyRow = typeof parties.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;
export type AddressRow = typeof addresses.$inferSelect;

/** A party's contacts or addresses: versioned records of the party, listed first-first. */
export class PartyDetailRecords<
  T extends typeof contacts | typeof addresses,
> extends VersionedRecords<T> {
  constructor(
    database: Database,
    private readonly detailTable: T,
    /** The flag that puts one first: the primary contact, the default address. */
    private readonly first: PgColumn,
  ) {
    super(database, detailTable);
  }

  /** The party's own, the primary (or default) one first, then oldest first. */
  async ofParty(tenantId: string, partyId: string): Promise<T['$inferSelect'][]> {
    // Both tables share the columns used here; Drizzle's `from` does not take the union.
    const table = this.detailTable as typeof contacts;
    return this.database
      .tx()
      .select()
      .from(table)
      .where(and(eq(table.tenantId, tenantId), eq(table.partyId, partyId)))
      .orderBy(desc(this.first), asc(table.createdAt));
  }

  async insertMany(rows: T['$inferInsert'][]): Promise<void> {
    // Drizzle's `values` does not take the union's insert type; each row is of `T`.
    if (rows.length)
      await this.database
        .tx()
        .insert(this.detailTable)
        .values(rows as never);
  }

  /** Every one of `fromPartyId` now belongs to `toPartyId` (a merge). */
  async reassignParty(tenantId: string, fromPartyId: string, toPartyId: string): Promise<void> {
    const table = this.detailTable as typeof contacts;
    await this.database
      .tx()
      .update(table)
      .set({ partyId: toPartyId })
      .where(and(eq(table.tenantId, tenantId), eq(table.partyId, fromPartyId)));
  }
}

/** What a probe for duplicates matches on; each kind is its own branch of a UNION. */
export interface DuplicateProbe {
  name?: string | undefined;
  taxId?: string | undefined;
  email?: string | null | undefined;
  excludeId?: string | undefined;
}

/**
 * Parties, with their contacts and addresses (one aggregate): the queries, tenant first, on
 * the request's transaction.
 */
@Injectable()
export class PartyRepository extends VersionedRecords<typeof parties> {
  readonly contacts: PartyDetailRecords<typeof contacts>;
  readonly addresses: PartyDetailRecords<typeof addresses>;

  private readonly tenants: TenantDirectory;

  constructor(@Inject(Database) database: Database) {
    super(database, parties);
    this.contacts = new PartyDetailRecords(database, contacts, contacts.isPrimary);
    this.addresses = new PartyDetailRecords(database, addresses, addresses.isDefault);
    this.tenants = new TenantDirectory(database);
  }

  /** The company's base currency (tenancy's settings): the one credit limits are in. */
  async companyCurrency(tenantId: string): Promise<string> {
    return (await this.tenants.currentOf(tenantId)).currency;
  }

  /** The company's country (tenancy's settings): the rules of a party without a tax country. */
  async companyCountry(tenantId: string): Promise<string> {
    return (await this.tenants.currentOf(tenantId)).country;
  }

  /** Whether the transaction's company has a party with this id (a custom field's reference). */
  async exists(id: string): Promise<boolean> {
    const found = await this.database
      .tx()
      .select({ id: parties.id })
      .from(parties)
      .where(and(eq(parties.tenantId, CURRENT_TENANT), eq(parties.id, id)));
    return found.length > 0;
  }

  /** The hottest query of the context (every detail, every change): prepared per connection. */
  override async byId(tenantId: string, id: string): Promise<PartyRow | undefined> {
    const [row] = await this.database
      .prepared('crm_party_by_id', (db, name) =>
        db
          .select()
          .from(parties)
          .where(
            and(
              eq(parties.tenantId, sql.placeholder('tenantId')),
              eq(parties.id, sql.placeholder('id')),
            ),
          )
          .prepare(name),
      )
      .execute({ tenantId, id });
    return row;
  }

  /**
   * A merge's survivor: fills its blanks and tags from the merged party, whatever version it
   * is at (the merge holds both rows for the request).
   */
  async absorb(
    tenantId: string,
    id: string,
    changes: Partial<typeof parties.$inferInsert>,
  ): Promise<PartyRow | undefined> {
    const [row] = await this.database
      .tx()
      .update(parties)
      .set({ ...changes, ...bump(parties) })
      .where(byId(parties, tenantId, id))
      .returning();
    return row;
  }

  /** The merged party stays, `merged` and pointing at the survivor, so old references resolve. */
  async markMerged(tenantId: string, id: string, intoId: string): Promise<void> {
    await this.database
      .tx()
      .update(parties)
      .set({ status: 'merged', mergedIntoId: intoId, ...bump(parties) })
      .where(byId(parties, tenantId, id));
  }

  /** A custom `reference` field `key` that names `fromId` names `toId` instead. */
  repointCustomReference(tenantId: string, key: string, fromId: string, toId: string) {
    return repointCustomReference(this.database, parties, tenantId, key, fromId, toId);
  }

  /**
   * Parties that may be the one probed, within `scope` (the caller's), merged ones left out,
   * most similar first, at most 10.
   *
   * Each kind of match is its own branch of a UNION so that each is planned on its own: as one
   * OR, a condition the index cannot take under RLS would keep the whole of it out of every
   * index, and each create would compute a similarity for each of the tenant's parties. The
   * email branch reads the stored lower-cased key's index (`emailKey`, migration 0029); the
   * name branch the trigram index where the migrator could mark `%` leakproof (ADR 0013).
   */
  async duplicateCandidates(
    tenantId: string,
    probe: DuplicateProbe,
    scope: SQL | undefined,
  ): Promise<
    { id: string; name: string; taxId: string | null; email: string | null; similarity: number }[]
  > {
    const tx = this.database.tx();
    const tenant = eq(parties.tenantId, tenantId);
    const similarity = probe.name
      ? sql<number>`similarity(${parties.name}, ${probe.name})`
      : sql<number>`0`;
    const candidates = (where: SQL | undefined) =>
      tx.select({ id: parties.id }).from(parties).where(and(tenant, where));
    const branches = [
      probe.taxId ? candidates(eq(parties.taxId, probe.taxId)) : undefined,
      probe.email ? candidates(eq(emailKey(parties), probe.email.toLowerCase())) : undefined,
      // Above TRIGRAM_THRESHOLD two names are worth a second look ("Lácteos Sur" ~ "Lacteos
      // del Sur"). `%` is what the index answers (at that threshold for the app role where the
      // migrator could set it, 0.3 elsewhere); the similarity is then checked exactly.
      probe.name
        ? candidates(sql`${parties.name} % ${probe.name} and ${similarity} >= ${TRIGRAM_THRESHOLD}`)
        : undefined,
    ].filter((branch) => branch !== undefined);
    if (!branches.length) return [];
    return (
      tx
        .select({
          id: parties.id,
          name: parties.name,
          taxId: parties.taxId,
          email: parties.email,
          similarity,
        })
        .from(parties)
        .where(
          and(
            tenant,
            sql`${parties.id} in (${sql.join(branches, sql` union `)})`,
            ne(parties.status, 'merged'),
            probe.excludeId ? ne(parties.id, probe.excludeId) : undefined,
            scope,
          ),
        )
        // Without a name every candidate's similarity is the constant 0, which ORDER BY would
        // read as a column position: the name orders them instead.
        .orderBy(...(probe.name ? [desc(similarity), asc(parties.name)] : [asc(parties.name)]))
        .limit(10)
    );
  }
}
