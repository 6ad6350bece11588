import { Body, Controller, Inject, Param, Query, Res } from '@nestjs/common';
import {
  PartyRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, csvDownload, expectedVersion } from '@nexo/platform';
import type { FastifyReply } from 'fastify';
import { TimelineService } from '../timeline/timeline.service.js';
import { DuplicateFinder } from './duplicate-finder.js';
import { PartyDetailsService } from './party-details.service.js';
import { PartyExportService } from './party-export.service.js';
import { PartyImportService } from './party-import.service.js';
import { PartyMergeService } from './party-merge.service.js';
import { PartyService } from './party.service.js';

type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

@Controller()
export class PartyController {
  constructor(
    @Inject(PartyService) private readonly parties: PartyService,
    @Inject(DuplicateFinder) private readonly duplicateFinder: DuplicateFinder,
    @Inject(PartyMergeService) private readonly merger: PartyMergeService,
    @Inject(PartyDetailsService) private readonly details: PartyDetailsService,
    @Inject(PartyExportService) private readonly exporter: PartyExportService,
    @Inject(PartyImportService) private readonly importer: PartyImportService,
    @Inject(TimelineService) private readonly timelines: TimelineService,
  ) {}

  @Route(R.list)
  list(@Query() q: RouteQuery<typeof R.list>): Result<typeof R.list> {
    return this.parties.list(q) as Result<typeof R.list>;
  }

  /** Streams inside the request's transaction, opened once its first page is read. */
  @Route(R.export)
  async export(@Query() q: RouteQuery<typeof R.export>, @Res() reply: FastifyReply): Promise<void> {
    await this.exporter.export(q, csvDownload(reply, 'parties.csv'));
  }

  @Route(R.import)
  import(@Body() body: RouteBody<typeof R.import>): Result<typeof R.import> {
    return this.importer.start(body);
  }

  @Route(R.duplicates)
  duplicates(@Body() body: RouteBody<typeof R.duplicates>): Result<typeof R.duplicates> {
    const { taxId, ...rest } = body;
    return this.duplicateFinder.find({
      ...rest,
      taxId: taxId?.replace(/[\s.\-/]/g, '').toUpperCase(),
    });
  }

  @Route(R.create)
  create(@Body() body: RouteBody<typeof R.create>): Result<typeof R.create> {
    return this.parties.create(body) as Result<typeof R.create>;
  }

  @Route(R.get)
  get(@Param() p: RouteParams<typeof R.get>): Result<typeof R.get> {
    return this.parties.get(p.id) as Result<typeof R.get>;
  }

  @Route(R.update)
  update(
    @Param() p: RouteParams<typeof R.update>,
    @Body() body: RouteBody<typeof R.update>,
  ): Result<typeof R.update> {
    return this.parties.update(p.id, expectedVersion(), body) as Result<typeof R.update>;
  }

  @Route(R.merge)
  merge(
    @Param() p: RouteParams<typeof R.merge>,
    @Body() body: RouteBody<typeof R.merge>,
  ): Result<typeof R.merge> {
    return this.merger.merge(p.id, body.intoId) as Result<typeof R.merge>;
  }

  @Route(R.timeline)
  timeline(
    @Param() p: RouteParams<typeof R.timeline>,
    @Query() q: RouteQuery<typeof R.timeline>,
  ): Result<typeof R.timeline> {
    return this.timelines.forParty(p.id, q.limit) as Result<typeof R.timeline>;
  }

  @Route(R.listContacts)
  contacts(@Param() p: RouteParams<typeof R.listContacts>): Result<typeof R.listContacts> {
    return this.details.list('contact', p.id);
  }

  @Route(R.addContact)
  addContact(
    @Param() p: RouteParams<typeof R.addContact>,
    @Body() body: RouteBody<typeof R.addContact>,
  ): Result<typeof R.addContact> {
    return this.details.add('contact', p.id, body);
  }

  @Route(R.updateContact)
  updateContact(
    @Param() p: RouteParams<typeof R.updateContact>,
    @Body() body: RouteBody<typeof R.updateContact>,
  ): Result<typeof R.updateContact> {
    return this.details.update('contact', p.id, expectedVersion(), body);
  }

  @Route(R.deleteContact)
  deleteContact(@Param() p: RouteParams<typeof R.deleteContact>): Promise<void> {
    return this.details.remove('contact', p.id, expectedVersion());
  }

  @Route(R.listAddresses)
  addresses(@Param() p: RouteParams<typeof R.listAddresses>): Result<typeof R.listAddresses> {
    return this.details.list('address', p.id);
  }

  @Route(R.addAddress)
  addAddress(
    @Param() p: RouteParams<typeof R.addAddress>,
    @Body() body: RouteBody<typeof R.addAddress>,
  ): Result<typeof R.addAddress> {
    return this.details.add('address', p.id, body);
  }

  @Route(R.updateAddress)
  updateAddress(
    @Param() p: RouteParams<typeof R.updateAddress>,
    @Body() body: RouteBody<typeof R.updateAddress>,
  ): Result<typeof R.updateAddress> {
    return this.details.update('address', p.id, expectedVersion(), body);
  }

  @Route(R.deleteAddress)
  deleteAddress(@Param() p: RouteParams<typeof R.deleteAddress>): Promise<void> {
    return this.details.remove('address', p.id, expectedVersion());
  }
}
