import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type { CreateTaxRateInput, UpdateTaxRateInput } from '@nexo/contracts';
import { parseListQuery, type ListDefinition } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { DomainError, stale, type Principal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, eq } from 'drizzle-orm';
import { taxRates } from '../db/catalog.tables.js';
import {
  translateDeleteError,
  translateWriteError,
  type ConstraintMeaning,
} from '../shared/db-errors.js';
import { TaxRateRepository, type TaxRateRow } from './tax-rate.repository.js';

const SUBJECT = 'catalog.tax';
const COLUMNS = {
  id: taxRates.id,
  code: taxRates.code,
  name: taxRates.name,
  kind: taxRates.kind,
  rate: taxRates.rate,
  active: taxRates.active,
};
const LIST: ListDefinition = {
  fields: {
    code: { column: taxRates.code, type: 'text', sortable: true, searchable: true },
    name: { column: taxRates.name, type: 'text', searchable: true },
    kind: { column: taxRates.kind, type: 'text' },
    active: { column: taxRates.active, type: 'boolean' },
  },
  defaultSort: 'code',
  id: taxRates.id,
};
const CONSTRAINTS: Record<string, ConstraintMeaning> = {
  tax_rates_tenant_code_key: { kind: 'taken', field: 'code', message: 'A tax has this code' },
};

export type TaxRateView = Omit<TaxRateRow, 'tenantId' | 'kind'> & {
  kind: 'vat' | 'exempt' | 'non_taxable';
};
const view = ({ tenantId: _, ...tax }: TaxRateRow): TaxRateView => ({
  ...tax,
  kind: tax.kind as TaxRateView['kind'],
});

/** The company's tax table (VAT rates, exemptions); items name their sales and purchase tax. */
@Injectable()
export class TaxRateService {
  constructor(
    @Inject(TaxRateRepository) private readonly taxes: TaxRateRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async list(principal: Principal, query: Record<string, unknown>) {
    const list = parseListQuery(
      LIST,
      query,
      and(
        eq(taxRates.tenantId, principal.tenantId),
        await this.permissions.where('read', SUBJECT, COLUMNS),
      ),
    );
    const page = await this.taxes.page(list);
    return { ...page, items: page.items.map(view) };
  }

  async get(principal: Principal, id: string): Promise<TaxRateView> {
    const row = await this.taxes.byId(principal.tenantId, id);
    if (!row) throw DomainError.notFound('Tax rate');
    await this.permissions.assertCan('read', SUBJECT, row);
    return view(row);
  }

  async create(principal: Principal, input: CreateTaxRateInput): Promise<TaxRateView> {
    await this.permissions.assertWritable('create', SUBJECT, undefined, input);
    const row = await this.taxes
      .insert({ tenantId: principal.tenantId, id: newId(), ...input })
      .catch((error: unknown) => translateWriteError(error, CONSTRAINTS));
    await this.audit.record({
      action: 'create',
      resource: SUBJECT,
      resourceId: row.id,
      after: view(row),
    });
    return view(row);
  }

  async update(
    principal: Principal,
    id: string,
    version: number,
    input: UpdateTaxRateInput,
  ): Promise<TaxRateView> {
    const before = await this.taxes.byId(principal.tenantId, id);
    if (!before) throw DomainError.notFound('Tax rate');
    await this.permissions.assertWritable('update', SUBJECT, before, input);
    const kind = input.kind ?? before.kind;
    const rate = input.rate ?? before.rate;
    if (kind !== 'vat' && Number(rate) !== 0)
      throw DomainError.validation([
        { path: 'rate', code: 'custom', message: 'Exempt and non-taxable rates are 0' },
      ]);
    const row = await this.taxes
      .update(principal.tenantId, id, version, input)
      .catch((error: unknown) => translateWriteError(error, CONSTRAINTS));
    if (!row) throw stale();
    await this.audit.record({
      action: 'update',
      resource: SUBJECT,
      resourceId: id,
      before: view(before),
      after: view(row),
    });
    return view(row);
  }

  async remove(principal: Principal, id: string, version: number): Promise<void> {
    const before = await this.taxes.byId(principal.tenantId, id);
    if (!before) throw DomainError.notFound('Tax rate');
    await this.permissions.assertWritable('delete', SUBJECT, before, {});
    const removed = await this.taxes
      .remove(principal.tenantId, id, version)
      .catch((error: unknown) => translateDeleteError(error, 'The tax rate'));
    if (!removed) throw stale();
    await this.audit.record({
      action: 'delete',
      resource: SUBJECT,
      resourceId: id,
      before: view(before),
    });
  }
}
