import { Controller, Inject, Param } from '@nestjs/common';
import { PlatformRoutes as R, type RouteParams, type RouteResult } from '@nexo/contracts';
import {
  DomainError,
  RECORD_ACCESS,
  Route,
  requestContext,
  type RecordAccess,
} from '@nexo/platform';
import { TenantService } from './tenant.service.js';

/** The company as its members see it. Another company's id answers 404, never 403. */
@Controller()
export class TenantController {
  constructor(
    @Inject(TenantService) private readonly tenants: TenantService,
    @Inject(RECORD_ACCESS) private readonly permissions: RecordAccess,
  ) {}

  @Route(R.getTenant)
  async get(@Param() p: RouteParams<typeof R.getTenant>): Promise<RouteResult<typeof R.getTenant>> {
    // Members may belong to several companies; a request acts in one only.
    const tenant =
      p.id === requestContext.get()?.principal?.tenantId
        ? await this.tenants.findById(p.id)
        : undefined;
    if (!tenant) throw DomainError.notFound('Company');
    // Portal roles read only some of the company's fields.
    return { id: tenant.id, ...(await this.permissions.mask('tenancy.tenant', tenant)) };
  }
}
