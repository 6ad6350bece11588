import { defineConstraints, unknownReference } from '@nexo/db';

/**
 * The CRM's keys to other records, as the field a request names (issue 23). Every key leads
 * with tenant_id, so another company's team, party or member fails it like an id of nothing:
 * 400, `not_found` on the field. Users are checked through their membership of the company.
 */
export const CRM_REFERENCES = defineConstraints({
  parties_owner_fk: unknownReference('ownerId', 'No such member'),
  parties_team_fk: unknownReference('teamId', 'No such team'),
  parties_merged_into_fk: unknownReference('mergedIntoId', 'No such party'),
  leads_owner_fk: unknownReference('ownerId', 'No such member'),
  leads_team_fk: unknownReference('teamId', 'No such team'),
  leads_converted_party_fk: unknownReference('partyId', 'No such party'),
  leads_converted_opportunity_fk: unknownReference('opportunityId', 'No such opportunity'),
  opportunities_owner_fk: unknownReference('ownerId', 'No such member'),
  opportunities_team_fk: unknownReference('teamId', 'No such team'),
  opportunities_party_fk: unknownReference('partyId', 'No such party'),
  activities_assignee_fk: unknownReference('assigneeId', 'No such member'),
  activities_contact_fk: unknownReference('contactId', 'No such contact'),
  activities_party_fk: unknownReference('partyId', 'No such party'),
  activities_lead_fk: unknownReference('leadId', 'No such lead'),
  activities_opportunity_fk: unknownReference('opportunityId', 'No such opportunity'),
});
