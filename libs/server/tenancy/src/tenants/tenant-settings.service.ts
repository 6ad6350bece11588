import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import {
  checkTaxId,
  taxConditionIssue,
  tenantTaxIdIssue,
  type UpdateTenantInput,
} from '@nexo/contracts';
import {
  DomainError,
  RECORD_ACCESS,
  currentPrincipal,
  stale,
  type RecordAccess,
} from '@nexo/platform';
import { TenantRepository, type TenantRow } from './tenant.repository.js';

const SUBJECT = 'tenancy.tenant';
export type TenantView = Partial<TenantRow> & { id: string };

/**
 * The company's settings as its members read and change them. Another company's id answers
 * 404 (a member of several companies acts in one per request), never 403.
 */
@Injectable()
export class TenantSettingsService {
  constructor(
    @Inject(TenantRepository) private readonly tenants: TenantRepository,
    @Inject(RECORD_ACCESS) private readonly access: RecordAccess,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  private async load(id: string): Promise<TenantRow> {
    // RLS lets a member read every company they belong to: the request's one is the only one here.
    const tenant = id === currentPrincipal().tenantId ? await this.tenants.findById(id) : undefined;
    if (!tenant) throw DomainError.notFound('Company');
    return tenant;
  }

  /** Portal roles read only some of the company's fields. */
  private async view(row: TenantRow): Promise<TenantView> {
    return { id: row.id, ...(await this.access.mask(SUBJECT, row)) };
  }

  async get(id: string): Promise<TenantView> {
    return this.view(await this.load(id));
  }

  async update(id: string, version: number, input: UpdateTenantInput): Promise<TenantView> {
    const before = await this.load(id);
    const country = input.country ?? before.country;
    // A new country re-checks the stored tax id too: a CUIT is no Spanish NIF.
    if (input.taxId !== undefined || input.country !== undefined) {
      const issue = tenantTaxIdIssue(
        country,
        input.taxId === undefined ? before.taxId : input.taxId,
      );
      if (issue) throw DomainError.validation([issue], `The tax id is not valid for ${country}`);
    }
    // The tax condition is one of the country's (its pack's): a new country re-checks it too.
    if (input.taxCondition !== undefined || input.country !== undefined) {
      const issue = taxConditionIssue(
        country,
        input.taxCondition === undefined ? before.taxCondition : input.taxCondition,
      );
      if (issue) throw DomainError.validation([issue], `Not a tax condition of ${country}`);
    }
    const currency = input.currency ?? before.currency;
    const requested: Partial<TenantRow> = {
      ...input,
      ...(input.taxId ? { taxId: normalizedTaxId(country, input.taxId) } : {}),
      // The base currency is never also an "other" one.
      ...(input.currencies !== undefined || input.currency !== undefined
        ? { currencies: (input.currencies ?? before.currencies).filter((c) => c !== currency) }
        : {}),
    };
    // Only real changes are judged and logged: a form sends every field, changed or not.
    const changes = Object.fromEntries(
      Object.entries(requested).filter(
        ([key, value]) =>
          JSON.stringify(value) !== JSON.stringify(before[key as keyof TenantRow] ?? null),
      ),
    );
    await this.access.assertWritable('update', SUBJECT, before, changes);
    const row = await this.tenants.update(id, version, changes);
    // The row exists (just read, and RLS keeps it ours): no row means another version.
    if (!row) throw stale();
    await this.audit.record({
      action: 'update',
      resource: SUBJECT,
      resourceId: id,
      before,
      after: row,
    });
    return this.view(row);
  }
}

function normalizedTaxId(country: string, taxId: string): string {
  const check = checkTaxId(country, taxId);
  return check.valid ? check.normalized : taxId;
}
