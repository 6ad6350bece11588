import { Controller, Inject, Param, Query } from '@nestjs/common';
import {
  PlatformRoutes as R,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route } from '@nexo/platform';
import { AuditLog } from './audit-log.service.js';

@Controller()
export class AuditController {
  constructor(@Inject(AuditLog) private readonly audit: AuditLog) {}

  /** Query string per the list mechanism (see parseListQuery). */
  @Route(R.searchAudit)
  search(
    @Query() query: RouteQuery<typeof R.searchAudit>,
  ): Promise<RouteResult<typeof R.searchAudit>> {
    return this.audit.search(query) as Promise<RouteResult<typeof R.searchAudit>>;
  }

  @Route(R.recordHistory)
  history(
    @Param() p: RouteParams<typeof R.recordHistory>,
  ): Promise<RouteResult<typeof R.recordHistory>> {
    return this.audit.history(p.resource, p.id, 200) as Promise<
      RouteResult<typeof R.recordHistory>
    >;
  }
}
