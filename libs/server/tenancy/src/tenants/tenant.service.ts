import { Inject, Injectable } from '@nestjs/common';
import { taxConditionIssue } from '@nexo/contracts';
import { translateWriteError } from '@nexo/db';
import { DomainError, zodIssues } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { CreateTenantInputSchema, type CreateTenantInput } from './tenant.contracts.js';
import { TenantRepository, type TenantRow } from './tenant.repository.js';

@Injectable()
export class TenantService {
  constructor(@Inject(TenantRepository) private readonly tenants: TenantRepository) {}

  /** A fresh id for a company; open the transaction with it as the tenant, then `create`. */
  static newTenantId(): string {
    return newId();
  }

  /**
   * Creates the company whose id is the current transaction's tenant, so the insert passes
   * the same RLS check as every other write and cannot create any other tenant.
   */
  async create(id: string, input: CreateTenantInput): Promise<TenantRow> {
    const parsed = CreateTenantInputSchema.safeParse(input);
    if (!parsed.success) throw DomainError.validation(zodIssues(parsed.error));
    const issue = taxConditionIssue(parsed.data.country, parsed.data.taxCondition);
    if (issue)
      throw DomainError.validation([issue], `Not a tax condition of ${parsed.data.country}`);
    const message = `A company with the slug "${parsed.data.slug}" already exists`;
    return this.tenants
      .insert({ id, ...parsed.data })
      .catch((error: unknown) =>
        translateWriteError(error, { tenants_slug_key: { kind: 'taken', field: 'slug', message } }),
      );
  }

  /** The current tenant's row (RLS hides every other). */
  async findById(id: string): Promise<TenantRow | undefined> {
    return this.tenants.findById(id);
  }
}
