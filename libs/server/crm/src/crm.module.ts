import { AuthModule } from '@nexo/auth';
import { Module } from '@nestjs/common';
import { ActivityService } from './activities/activity.service.js';
import { LeadService } from './leads/lead.service.js';
import { BoardService } from './opportunities/board.service.js';
import { OpportunityService } from './opportunities/opportunity.service.js';
import { SalesController } from './opportunities/sales.controller.js';
import { DuplicateFinder } from './parties/duplicate-finder.js';
import { PartyDetailsService } from './parties/party-details.service.js';
import { PartyExportService } from './parties/party-export.service.js';
import { PartyImportService } from './parties/party-import.service.js';
import { PartyMergeService } from './parties/party-merge.service.js';
import { PartyController } from './parties/party.controller.js';
import { PartyService } from './parties/party.service.js';
import { PipelineService } from './pipelines/pipeline.service.js';
import { CrmSearchProvider } from './search/crm-search.provider.js';
import { TeamService } from './teams/team.service.js';
import { TimelineService } from './timeline/timeline.service.js';

/** CRM: parties, contacts, addresses, leads, pipelines, opportunities, activities, timeline. */
@Module({
  // Memberships' teams and parties are auth's; crm changes them through MembershipTeams.
  imports: [AuthModule],
  controllers: [PartyController, SalesController],
  providers: [
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
export class CrmModule {}
