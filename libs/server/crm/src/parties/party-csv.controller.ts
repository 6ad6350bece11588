import { Body, Controller, Inject, Query, Res } from '@nestjs/common';
import {
  PartyRoutes as R,
  type RouteBody,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, csvDownload } from '@nexo/platform';
import type { FastifyReply } from 'fastify';
import { PartyExportService } from './party-export.service.js';
import { PartyImportService } from './party-import.service.js';

/** Parties as CSV: the export of the list and the import job (ADR 0014). */
@Controller()
export class PartyCsvController {
  constructor(
    @Inject(PartyExportService) private readonly exporter: PartyExportService,
    @Inject(PartyImportService) private readonly importer: PartyImportService,
  ) {}

  /** Streams inside the request's transaction, opened once its first page is read. */
  @Route(R.export)
  async export(@Query() q: RouteQuery<typeof R.export>, @Res() reply: FastifyReply): Promise<void> {
    await this.exporter.export(q, csvDownload(reply, 'parties.csv'));
  }

  @Route(R.import)
  import(@Body() body: RouteBody<typeof R.import>): Promise<RouteResult<typeof R.import>> {
    return this.importer.start(body);
  }
}
