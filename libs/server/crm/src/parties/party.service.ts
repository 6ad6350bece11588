import { Inject, Injectable } from '@nestjs/common';
import { countryPack } from '@nexo/commerce';
import {
  amountDecimalsIssue,
  taxConditionIssue,
  type CreatePartyInput,
  type UpdatePartyInput,
} from '@nexo/contracts';
import { CustomFields } from '@nexo/custom-fields';
import type { ListPage } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { RecordWrites, listRecords, type Masked, type RecordList } from '@nexo/records';
import { newId } from '@nexo/utils';
import { parties } from '../db/crm.tables.js';
import { PartyCreated, PartyUpdated } from '../crm.events.js';
import { defaultMember } from '../shared/default-member.js';
import { DuplicateFinder, type DuplicateCandidate } from './duplicate-finder.js';
import { PARTY_LIST } from './party.list.js';
import { PartyRepository, type PartyRow } from './party.repository.js';

export type { PartyRow } from './party.repository.js';
/**
 * A party as it leaves the API: what the caller may read of it, and the currency of its
 * credit limit (the company's base currency).
 */
/** A party as it leaves the API; a credit limit comes with its currency (the company's). */
export type PartyView = Masked<PartyRow> & { creditLimitCurrency?: string };

const SUBJECT = 'crm.party';
const LIST: RecordList = {
  subject: SUBJECT,
  table: parties,
  definition: PARTY_LIST,
  custom: parties.custom,
};
/** Stored without separators: the country check normalised it. */
const normalizedTaxId = (taxId: string | undefined | null): string | null | undefined =>
  taxId === undefined
    ? undefined
    : taxId === null
      ? null
      : taxId.replace(/[\s.\-/]/g, '').toUpperCase();

/** Parties: the one place their rules live (permissions, custom fields, audit, events). */
@Injectable()
export class PartyService {
  constructor(
    @Inject(PartyRepository) private readonly parties: PartyRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
    @Inject(CustomFields) private readonly customFields: CustomFields,
    @Inject(DuplicateFinder) private readonly duplicates: DuplicateFinder,
  ) {}

  /** What the caller may read of a row. */
  async view(row: PartyRow): Promise<PartyView> {
    return (await this.viewer([row]))(row);
  }

  async list(query: Record<string, unknown>): Promise<ListPage<PartyView>> {
    const page = await listRecords(
      { permissions: this.permissions, customFields: this.customFields },
      { ...LIST, records: this.parties },
      query,
      { view: (row: PartyRow) => row },
    );
    const view = await this.viewer(page.items);
    return { ...page, items: page.items.map(view) };
  }

  /** The currency of credit limits: the company's base currency. */
  creditLimitCurrency(): Promise<string> {
    return this.parties.companyCurrency(currentPrincipal().tenantId);
  }

  /**
   * How `rows` are shown: masked by the reader's rules, a credit limit with its currency. The
   * company's currency is looked up only when one of them has a limit to show, so reading a
   * party without one costs no extra query.
   */
  private async viewer(rows: readonly PartyRow[]): Promise<(row: PartyRow) => PartyView> {
    const mask = await this.permissions.viewer<PartyRow>(SUBJECT);
    const currency = rows.some((r) => r.creditLimit != null)
      ? await this.creditLimitCurrency()
      : undefined;
    return (row) => withLimitCurrency(mask(row), currency);
  }

  /** A credit limit keeps the decimals of the company's currency, no more (`"10.5"` in CLP). */
  private async assertCreditLimit(creditLimit: string | null | undefined): Promise<void> {
    if (!creditLimit) return;
    const currency = await this.creditLimitCurrency();
    const issue = amountDecimalsIssue(creditLimit, currency);
    if (issue)
      throw DomainError.validation([{ path: 'creditLimit', code: 'custom', message: issue }]);
  }

  /** The view of a written party: its credit limit with its currency. */
  private async written<V extends Masked<PartyRow>>(view: V): Promise<V & PartyView> {
    return view.creditLimit != null
      ? { ...view, creditLimitCurrency: await this.creditLimitCurrency() }
      : view;
  }

  /**
   * A party's tax condition is one of its country's (its tax country, else the company's), and
   * only a country with the regime (Spain) has parties in recargo de equivalencia.
   */
  private async assertTaxCondition(party: {
    taxCountry?: string | null | undefined;
    taxCondition?: string | null | undefined;
    recargoEquivalencia?: boolean | undefined;
  }): Promise<void> {
    // Nothing to check (most parties): no query for the company's country.
    if (party.taxCondition == null && !party.recargoEquivalencia) return;
    const country =
      party.taxCountry ?? (await this.parties.companyCountry(currentPrincipal().tenantId));
    const issues = [taxConditionIssue(country, party.taxCondition)].filter((i) => i !== null);
    if (party.recargoEquivalencia && !countryPack(country).recargoEquivalencia)
      issues.push({
        path: 'recargoEquivalencia',
        code: 'invalid_tax_condition',
        message: `${country} has no recargo de equivalencia regime`,
      });
    if (issues.length) throw DomainError.validation(issues, `Not a tax condition of ${country}`);
  }

  /** A party the caller may `action`; anything else (absent, another tenant's, out of scope) is 404. */
  async load(id: string, action = 'read'): Promise<PartyRow> {
    const row = await this.parties.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound('Party');
    await this.permissions.assertCan(action, SUBJECT, row);
    return row;
  }

  async get(id: string): Promise<PartyView> {
    return this.view(await this.load(id));
  }

  async create(input: CreatePartyInput): Promise<PartyView & { duplicates: DuplicateCandidate[] }> {
    const principal = currentPrincipal();
    await this.assertCreditLimit(input.creditLimit);
    await this.assertTaxCondition(input);
    const { contacts: contactInputs = [], addresses: addressInputs = [], ...fields } = input;
    const values = {
      ...fields,
      ownerId: fields.ownerId ?? defaultMember(principal),
      taxId: normalizedTaxId(fields.taxId),
      custom: await this.customFields.validate(SUBJECT, fields.custom),
    };
    const { tenantId } = principal;
    let duplicates: DuplicateCandidate[] = [];
    const view = await this.writes.create({
      subject: SUBJECT,
      input: values,
      insert: async () => {
        duplicates = await this.duplicates.find({
          name: values.name,
          taxId: values.taxId ?? undefined,
          email: values.email,
        });
        const row = await this.parties.insert({ tenantId, id: newId(), ...values });
        await this.parties.contacts.insertMany(
          contactInputs.map((c) => ({ tenantId, id: newId(), partyId: row.id, ...c })),
        );
        await this.parties.addresses.insertMany(
          addressInputs.map((a) => ({ tenantId, id: newId(), partyId: row.id, ...a })),
        );
        return row;
      },
      event: (row) => PartyCreated.of(row.id, { name: row.name, kind: row.kind }),
    });
    return { ...(await this.written(view)), duplicates };
  }

  async update(id: string, version: number, input: UpdatePartyInput): Promise<PartyView> {
    const before = await this.load(id, 'update');
    await this.assertCreditLimit(input.creditLimit);
    // A new tax country re-checks the stored condition and flag too.
    if (
      input.taxCondition !== undefined ||
      input.recargoEquivalencia !== undefined ||
      input.taxCountry !== undefined
    )
      await this.assertTaxCondition({
        taxCountry: input.taxCountry ?? before.taxCountry,
        taxCondition: input.taxCondition === undefined ? before.taxCondition : input.taxCondition,
        recargoEquivalencia: input.recargoEquivalencia ?? before.recargoEquivalencia,
      });
    const changes = {
      ...input,
      ...(input.taxId !== undefined ? { taxId: normalizedTaxId(input.taxId) } : {}),
      ...(input.custom !== undefined
        ? { custom: await this.customFields.validate(SUBJECT, input.custom, before.custom) }
        : {}),
    };
    const view = await this.writes.update({
      subject: SUBJECT,
      name: 'Party',
      input: changes,
      load: () => Promise.resolve(before),
      write: () => this.parties.update(before.tenantId, id, version, changes),
      event: () => PartyUpdated.of(id, { fields: Object.keys(input) }),
    });
    return this.written(view);
  }
}

const withLimitCurrency = (view: Masked<PartyRow>, currency: string | undefined): PartyView =>
  currency !== undefined && view.creditLimit != null
    ? { ...view, creditLimitCurrency: currency }
    : view;
