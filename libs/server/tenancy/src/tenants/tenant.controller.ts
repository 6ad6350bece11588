import { Controller, Get, Inject, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, RequirePermission, requestContext, setEtag } from '@nexo/platform';
import { TenantService } from './tenant.service.js';
import type { TenantRow } from './tenant.repository.js';

/** The company as its members see it. Another company's id answers 404, never 403. */
@Controller('api/v1/tenancy/tenants')
export class TenantController {
  constructor(@Inject(TenantService) private readonly tenants: TenantService) {}

  @RequirePermission('read', 'tenancy.tenant')
  @Get(':id')
  async get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Omit<TenantRow, 'createdAt' | 'updatedAt'>> {
    // Members may belong to several companies; a request acts in one only.
    const tenant =
      id === requestContext.get()?.principal?.tenantId
        ? await this.tenants.findById(id)
        : undefined;
    if (!tenant) throw DomainError.notFound('Company');
    // Timestamps are internal; the version is the ETag.
    const { createdAt, updatedAt, ...visible } = tenant;
    setEtag(reply, tenant.version);
    return visible;
  }
}
