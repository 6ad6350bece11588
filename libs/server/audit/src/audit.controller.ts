import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { RequirePermission, ZodValidationPipe } from '@nexo/platform';
import { z } from 'zod';
import { AuditLog, type AuditRow } from './audit-log.service.js';

const ResourceParam = z.string().regex(/^[a-z]+\.[a-z-]+$/);
const IdParam = z.string().min(1).max(200);

@Controller('api/v1/audit')
export class AuditController {
  constructor(@Inject(AuditLog) private readonly audit: AuditLog) {}

  @RequirePermission('read', 'audit.log')
  @Get('log')
  /** Query string per the list mechanism (see parseListQuery). */
  search(@Query() query: Record<string, unknown>): Promise<unknown> {
    return this.audit.search(query);
  }

  @RequirePermission('read', 'audit.log')
  @Get('records/:resource/:id')
  history(
    @Param('resource', new ZodValidationPipe(ResourceParam)) resource: string,
    @Param('id', new ZodValidationPipe(IdParam)) id: string,
  ): Promise<AuditRow[]> {
    return this.audit.history(resource, id, 200);
  }
}
