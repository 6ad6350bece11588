import { AuthModule } from '@nexo/auth';
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { ReferenceTargets } from '@nexo/custom-fields';
import { RecordWrites } from '@nexo/records';
import { ActivityController } from './activities/activity.controller.js';
import { ActivityRepository } from './activities/activity.repository.js';
import { ActivityService } from './activities/activity.service.js';
import { LeadController } from './leads/lead.controller.js';
import { LeadRepository } from './leads/lead.repository.js';
import { LeadService } from './leads/lead.service.js';
import { BoardController } from './opportunities/board.controller.js';
import { BoardService } from './opportunities/board.service.js';
import { OpportunityController } from './opportunities/opportunity.controller.js';
import { OpportunityRepository } from './opportunities/opportunity.repository.js';
import { OpportunityService } from './opportunities/opportunity.service.js';
import { AddressController } from './parties/address.controller.js';
import { ContactController } from './parties/contact.controller.js';
import { DuplicateFinder } from './parties/duplicate-finder.js';
import { PartyCsvController } from './parties/party-csv.controller.js';
import { PartyDetailsService } from './parties/party-details.service.js';
import { PartyExportService } from './parties/party-export.service.js';
import { PartyImportService } from './parties/party-import.service.js';
import { PartyMergeService } from './parties/party-merge.service.js';
import { PartyController } from './parties/party.controller.js';
import { PartyRepository } from './parties/party.repository.js';
import { PartyService } from './parties/party.service.js';
import { PipelineController } from './pipelines/pipeline.controller.js';
import { PipelineRepository } from './pipelines/pipeline.repository.js';
import { PipelineService } from './pipelines/pipeline.service.js';
import { CrmSearchProvider } from './search/crm-search.provider.js';
import { TeamController } from './teams/team.controller.js';
import { TeamRepository } from './teams/team.repository.js';
import { TeamService } from './teams/team.service.js';
import { TimelineController } from './timeline/timeline.controller.js';
import { TimelineRepository } from './timeline/timeline.repository.js';
import { TimelineService } from './timeline/timeline.service.js';

/** CRM: parties, contacts, addresses, leads, pipelines, opportunities, activities, timeline. */
@Module({
  // Memberships' teams and parties are auth's; crm changes them through MembershipTeams.
  imports: [AuthModule],
  controllers: [
    PartyController,
    PartyCsvController,
    ContactController,
    AddressController,
    LeadController,
    PipelineController,
    BoardController,
    OpportunityController,
    ActivityController,
    TimelineController,
    TeamController,
  ],
  providers: [
    // The queries, one repository per aggregate.
    PartyRepository,
    PipelineRepository,
    OpportunityRepository,
    LeadRepository,
    ActivityRepository,
    TimelineRepository,
    TeamRepository,
    // The write recipe (load, check, write at a version, audit, outbox, masked answer).
    RecordWrites,
    PartyService,
    DuplicateFinder,
    PartyMergeService,
    PartyDetailsService,
    PartyExportService,
    PartyImportService,
    PipelineService,
    OpportunityService,
    BoardService,
    LeadService,
    ActivityService,
    TimelineService,
    TeamService,
    CrmSearchProvider,
  ],
  exports: [PartyService, OpportunityService, PipelineService],
})
export class CrmModule implements OnModuleInit {
  constructor(
    @Inject(ReferenceTargets) private readonly references: ReferenceTargets,
    @Inject(PartyRepository) private readonly records: PartyRepository,
  ) {}

  /** A custom field may name a party: this context says whether one exists. */
  onModuleInit(): void {
    this.references.register('crm.party', (id) => this.records.exists(id));
  }
}
