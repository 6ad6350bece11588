import { DocumentSent } from '@nexo/documents';
import { defineEvent } from '@nexo/events';
import { z } from 'zod';

/** CRM's domain events (payloads are JSON: ids and ISO strings). */
export const PartyCreated = defineEvent(
  'crm.party.created',
  1,
  z.object({ name: z.string(), kind: z.string() }),
);
export const PartyUpdated = defineEvent(
  'crm.party.updated',
  1,
  z.object({ fields: z.array(z.string()) }),
);
export const PartyMerged = defineEvent(
  'crm.party.merged',
  1,
  z.object({ intoId: z.uuid(), name: z.string() }),
);
export const LeadConverted = defineEvent(
  'crm.lead.converted',
  1,
  z.object({ partyId: z.uuid(), opportunityId: z.uuid(), name: z.string() }),
);
export const OpportunityCreated = defineEvent(
  'crm.opportunity.created',
  1,
  z.object({ partyId: z.uuid().nullable(), title: z.string(), stageId: z.uuid() }),
);
export const OpportunityStageChanged = defineEvent(
  'crm.opportunity.stage-changed',
  1,
  z.object({
    partyId: z.uuid().nullable(),
    title: z.string(),
    fromStageId: z.uuid(),
    fromStage: z.string(),
    toStageId: z.uuid(),
    toStage: z.string(),
  }),
);
export const OpportunityClosed = defineEvent(
  'crm.opportunity.closed',
  1,
  z.object({
    partyId: z.uuid().nullable(),
    title: z.string(),
    status: z.enum(['won', 'lost']),
    reason: z.string().nullable(),
    amount: z.string(),
    currency: z.string(),
  }),
);

/** The events that appear on a party's or an opportunity's timeline. */
export const TIMELINE_EVENTS = [
  PartyCreated,
  // Sent by any document type (the kit's event), so the party sees what it was sent.
  DocumentSent,
  PartyMerged,
  LeadConverted,
  OpportunityCreated,
  OpportunityStageChanged,
  OpportunityClosed,
];
