import { Inject, Injectable } from '@nestjs/common';
import { currentPrincipal } from '@nexo/platform';
import { RecordWrites, type Masked } from '@nexo/records';
import { newId } from '@nexo/utils';
import type { contacts } from '../db/crm.tables.js';
import {
  PartyRepository,
  type AddressRow,
  type ContactRow,
  type PartyDetailRecords,
} from './party.repository.js';
import { PartyService } from './party.service.js';

type Kind = 'contact' | 'address';
type DetailRow = ContactRow | AddressRow;
interface Rows {
  contact: ContactRow;
  address: AddressRow;
}
/** A contact as it leaves the API: what the caller may read of it (`crm.contact`). */
export type ContactView = Masked<ContactRow>;
/** An address as it leaves the API: what the caller may read of it (`crm.address`). */
export type AddressView = Masked<AddressRow>;
type View<K extends Kind> = Masked<Rows[K]>;

const NAME: Record<Kind, string> = { contact: 'Contact', address: 'Address' };
const subject = (kind: Kind): string => `crm.${kind}`;

/**
 * A party's contacts and addresses. Each needs its own permission (`crm.contact`,
 * `crm.address`) and a party the caller may read (to change one: may update).
 */
@Injectable()
export class PartyDetailsService {
  constructor(
    @Inject(PartyRepository) private readonly partyRecords: PartyRepository,
    @Inject(PartyService) private readonly parties: PartyService,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
  ) {}

  /** Both tables share the columns used here (tenant, id, party, version); typed as one. */
  private records(kind: Kind): PartyDetailRecords<typeof contacts> {
    return (kind === 'contact'
      ? this.partyRecords.contacts
      : this.partyRecords.addresses) as unknown as PartyDetailRecords<typeof contacts>;
  }

  async list<K extends Kind>(kind: K, partyId: string): Promise<View<K>[]> {
    await this.parties.load(partyId);
    const rows = await this.records(kind).ofParty(currentPrincipal().tenantId, partyId);
    const view = await this.writes.viewer<DetailRow>(subject(kind));
    return rows.map(view) as View<K>[];
  }

  async add<K extends Kind>(
    kind: K,
    partyId: string,
    input: Record<string, unknown>,
  ): Promise<View<K>> {
    await this.parties.load(partyId, 'update');
    const tenantId = currentPrincipal().tenantId;
    return (await this.writes.create<DetailRow>({
      subject: subject(kind),
      input,
      insert: () =>
        this.records(kind).insert({ tenantId, id: newId(), partyId, ...input } as never),
    })) as View<K>;
  }

  /** One of a party the caller may update; undefined when there is none (404). */
  private async load(kind: Kind, id: string): Promise<DetailRow | undefined> {
    const row = await this.records(kind).byId(currentPrincipal().tenantId, id);
    if (row) await this.parties.load(row.partyId, 'update');
    return row;
  }

  async update<K extends Kind>(
    kind: K,
    id: string,
    version: number,
    input: Record<string, unknown>,
  ): Promise<View<K>> {
    return (await this.writes.update<DetailRow>({
      subject: subject(kind),
      name: NAME[kind],
      input,
      load: () => this.load(kind, id),
      write: (before) => this.records(kind).update(before.tenantId, id, version, input),
    })) as View<K>;
  }

  async remove(kind: Kind, id: string, version: number): Promise<void> {
    await this.writes.remove<DetailRow>({
      subject: subject(kind),
      name: NAME[kind],
      load: () => this.load(kind, id),
      remove: (before) => this.records(kind).remove(before.tenantId, id, version),
    });
  }
}
