import { Inject, Injectable } from '@nestjs/common';
import { taxShapeProblems, type TaxShape } from '@nexo/commerce';
import type { CreateTaxRateInput, UpdateTaxRateInput } from '@nexo/contracts';
import type { ListPage } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { RecordWrites, listRecords, type Constraints, type Masked } from '@nexo/records';
import { newId } from '@nexo/utils';
import { taxRates } from '../db/catalog.tables.js';
import { TAX_RATE_COLUMNS, TAX_RATE_LIST } from './tax-rate.list.js';
import { TaxRateRepository, type TaxRateRow } from './tax-rate.repository.js';

const SUBJECT = 'catalog.tax';
const NAME = 'Tax rate';
const CONSTRAINTS: Constraints = {
  tax_rates_tenant_code_key: { kind: 'taken', field: 'code', message: 'A tax has this code' },
};

/** A tax and the currency of its fixed amount, threshold and minimum (the company's). */
type TaxRateWithCurrency = TaxRateRow & { currency: string };
/** A tax rate as it leaves the API: what the caller may read of it. */
export type TaxRateView = Masked<TaxRateWithCurrency>;

/** The currency goes with the amounts: a view that shows none of them needs none. */
const withAmountsCurrency = (view: Masked<TaxRateRow>, currency: string): TaxRateView =>
  'amount' in view || 'threshold' in view || 'minimumTax' in view ? { ...view, currency } : view;

/**
 * The company's taxes (VAT rates and exemptions, excises, perceptions, withholdings); items
 * name their sales and purchase tax, documents compute with them (@nexo/commerce).
 */
@Injectable()
export class TaxRateService {
  constructor(
    @Inject(TaxRateRepository) private readonly taxes: TaxRateRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
  ) {}

  /** What the caller may read of a tax, with the currency its amounts are in. */
  private async withCurrency(view: Masked<TaxRateRow>): Promise<TaxRateView> {
    return withAmountsCurrency(view, await this.taxes.companyCurrency(currentPrincipal().tenantId));
  }

  async list(query: Record<string, unknown>): Promise<ListPage<TaxRateView>> {
    const page = await listRecords<TaxRateRow>(
      { permissions: this.permissions },
      {
        subject: SUBJECT,
        table: taxRates,
        definition: TAX_RATE_LIST,
        columns: TAX_RATE_COLUMNS,
        records: this.taxes,
      },
      query,
    );
    const currency = await this.taxes.companyCurrency(currentPrincipal().tenantId);
    return { ...page, items: page.items.map((item) => withAmountsCurrency(item, currency)) };
  }

  async get(id: string): Promise<TaxRateView> {
    const row = await this.taxes.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound(NAME);
    await this.permissions.assertCan('read', SUBJECT, row);
    return this.withCurrency(await this.writes.view(SUBJECT, row));
  }

  async create(input: CreateTaxRateInput): Promise<TaxRateView> {
    const { tenantId } = currentPrincipal();
    return this.withCurrency(
      await this.writes.create({
        subject: SUBJECT,
        input,
        constraints: CONSTRAINTS,
        insert: () => this.taxes.insert({ tenantId, id: newId(), ...input }),
      }),
    );
  }

  async update(id: string, version: number, input: UpdateTaxRateInput): Promise<TaxRateView> {
    const { tenantId } = currentPrincipal();
    return this.withCurrency(
      await this.writes.update({
        subject: SUBJECT,
        name: NAME,
        input,
        constraints: CONSTRAINTS,
        load: () => this.taxes.byId(tenantId, id),
        write: (before) => {
          const problems = taxShapeProblems({ ...(before as TaxShape), ...input });
          if (problems.length > 0)
            throw DomainError.validation(problems.map((p) => ({ ...p, code: 'custom' })));
          return this.taxes.update(tenantId, id, version, input);
        },
      }),
    );
  }

  remove(id: string, version: number): Promise<void> {
    const { tenantId } = currentPrincipal();
    return this.writes.remove({
      subject: SUBJECT,
      name: NAME,
      load: () => this.taxes.byId(tenantId, id),
      remove: () => this.taxes.remove(tenantId, id, version),
    });
  }
}
