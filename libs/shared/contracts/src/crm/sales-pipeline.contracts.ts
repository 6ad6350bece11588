import { z } from 'zod';
import { CustomValuesSchema } from '../custom-fields/custom-field.contracts.js';
import { AmountSchema, CurrencySchema, DateOnlySchema } from '../common/values.js';
import { CreatePartyInputSchema } from './party.contracts.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const StageInputSchema = z.strictObject({
  name: Text(100),
  probability: z.number().int().min(0).max(100),
  isWon: z.boolean().default(false),
  isLost: z.boolean().default(false),
});
export const UpdateStageInputSchema = z.strictObject({
  name: Text(100).optional(),
  probability: z.number().int().min(0).max(100).optional(),
  position: z.number().int().min(0).max(100).optional(),
});
export const StageSchema = z
  .object({
    id: z.uuid(),
    pipelineId: z.uuid(),
    name: z.string(),
    position: z.number().int(),
    probability: z.number().int(),
    isWon: z.boolean(),
    isLost: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Stage' });

export const CreatePipelineInputSchema = z.strictObject({
  name: Text(100),
  isDefault: z.boolean().default(false),
  stages: z.array(StageInputSchema).min(1).max(30),
});
export const UpdatePipelineInputSchema = z.strictObject({
  name: Text(100).optional(),
  isDefault: z.boolean().optional(),
});
export const PipelineSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    isDefault: z.boolean(),
    stages: z.array(StageSchema),
    version: z.number().int(),
  })
  .meta({ id: 'Pipeline' });

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const;

export const CreateOpportunityInputSchema = z.strictObject({
  title: Text(200),
  partyId: z.uuid().optional(),
  /** The default pipeline's first stage when absent. */
  pipelineId: z.uuid().optional(),
  stageId: z.uuid().optional(),
  amount: AmountSchema.default('0'),
  currency: CurrencySchema,
  expectedCloseDate: DateOnlySchema.optional(),
  ownerId: z.uuid().optional(),
  teamId: z.uuid().nullable().optional(),
  custom: CustomValuesSchema.optional(),
});
export type CreateOpportunityInput = z.infer<typeof CreateOpportunityInputSchema>;

export const UpdateOpportunityInputSchema = z
  .strictObject({
    title: Text(200),
    partyId: z.uuid().nullable(),
    amount: AmountSchema,
    currency: CurrencySchema,
    expectedCloseDate: DateOnlySchema.nullable(),
    ownerId: z.uuid(),
    teamId: z.uuid().nullable(),
    custom: CustomValuesSchema,
  })
  .partial();

export const OpportunitySchema = z
  .object({
    id: z.uuid(),
    pipelineId: z.uuid(),
    stageId: z.uuid(),
    partyId: z.uuid().nullable(),
    title: z.string(),
    amount: z.string(),
    currency: z.string(),
    expectedCloseDate: z.string().nullable(),
    ownerId: z.uuid().nullable(),
    teamId: z.uuid().nullable(),
    status: z.enum(OPPORTUNITY_STATUSES),
    lostReason: z.string().nullable(),
    closedAt: z.date().nullable(),
    rank: z.string(),
    custom: CustomValuesSchema,
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'Opportunity' });

/** Move a card: to a stage, after a card (or first when `afterId` is null). One request. */
export const MoveOpportunityInputSchema = z.strictObject({
  stageId: z.uuid(),
  afterId: z.uuid().nullable().default(null),
});
export const LoseOpportunityInputSchema = z.strictObject({ reason: Text(500) });

export const BoardSchema = z.object({
  pipeline: PipelineSchema,
  columns: z.array(
    z.object({
      stageId: z.uuid(),
      cards: z.array(OpportunitySchema),
      /** More cards than shown: page the column with the opportunities list. */
      more: z.boolean(),
    }),
  ),
});

export const ForecastSchema = z.object({
  currency: z.string(),
  rows: z.array(
    z.object({
      stageId: z.uuid(),
      stageName: z.string(),
      probability: z.number().int(),
      /** `YYYY-MM` of the expected close date; `none` when it has none. */
      month: z.string(),
      count: z.number().int(),
      amount: z.string(),
      weighted: z.string(),
    }),
  ),
});

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'converted', 'lost'] as const;

export const LEAD_SOURCES = ['web', 'referral', 'event', 'campaign', 'cold-call', 'other'] as const;
const leadFields = {
  name: Text(200),
  companyName: Text(200).nullable(),
  email: z.email().max(254).nullable(),
  phone: z.string().trim().min(3).max(40).nullable(),
  source: z.enum(LEAD_SOURCES),
  ownerId: z.uuid(),
  teamId: z.uuid().nullable(),
  notes: z.string().max(5000).nullable(),
  custom: CustomValuesSchema,
};
export const CreateLeadInputSchema = z.strictObject({
  name: leadFields.name,
  companyName: Text(200).optional(),
  email: z.email().max(254).optional(),
  phone: z.string().trim().min(3).max(40).optional(),
  source: z.enum(LEAD_SOURCES).default('other'),
  ownerId: z.uuid().optional(),
  teamId: z.uuid().nullable().optional(),
  notes: z.string().max(5000).optional(),
  custom: CustomValuesSchema.optional(),
});
/** Only what is sent changes; `converted` is reached by converting, not by a PATCH. */
export const UpdateLeadInputSchema = z
  .strictObject({ ...leadFields, status: z.enum(['new', 'contacted', 'qualified', 'lost']) })
  .partial();

export const LeadSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    companyName: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    source: z.string(),
    status: z.enum(LEAD_STATUSES),
    ownerId: z.uuid().nullable(),
    teamId: z.uuid().nullable(),
    notes: z.string().nullable(),
    custom: CustomValuesSchema,
    convertedPartyId: z.uuid().nullable(),
    convertedOpportunityId: z.uuid().nullable(),
    convertedAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'Lead' });

/** Into an existing party (`partyId`) or a new one (`party`), with an opportunity. */
export const ConvertLeadInputSchema = z
  .strictObject({
    partyId: z.uuid().optional(),
    party: CreatePartyInputSchema.optional(),
    opportunity: CreateOpportunityInputSchema.omit({ partyId: true }),
  })
  .refine((v) => Boolean(v.partyId) !== Boolean(v.party), {
    message: 'Send either partyId or party',
    path: ['partyId'],
  });
export type ConvertLeadInput = z.infer<typeof ConvertLeadInputSchema>;

export const ACTIVITY_KINDS = ['task', 'call', 'meeting', 'note', 'email'] as const;

export const CreateActivityInputSchema = z
  .strictObject({
    kind: z.enum(ACTIVITY_KINDS),
    subject: Text(200),
    body: z.string().max(20000).optional(),
    dueAt: z.iso.datetime({ offset: true }).optional(),
    assigneeId: z.uuid().optional(),
    partyId: z.uuid().optional(),
    contactId: z.uuid().optional(),
    leadId: z.uuid().optional(),
    opportunityId: z.uuid().optional(),
  })
  .refine((v) => v.partyId || v.leadId || v.opportunityId || v.contactId, {
    message: 'Link the activity to a party, contact, lead or opportunity',
    path: ['partyId'],
  });
export const UpdateActivityInputSchema = z
  .strictObject({
    subject: Text(200),
    body: z.string().max(20000).nullable(),
    dueAt: z.iso.datetime({ offset: true }).nullable(),
    assigneeId: z.uuid().nullable(),
    done: z.boolean(),
  })
  .partial();
export const ActivitySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(ACTIVITY_KINDS),
    subject: z.string(),
    body: z.string().nullable(),
    dueAt: z.date().nullable(),
    doneAt: z.date().nullable(),
    assigneeId: z.uuid().nullable(),
    partyId: z.uuid().nullable(),
    contactId: z.uuid().nullable(),
    leadId: z.uuid().nullable(),
    opportunityId: z.uuid().nullable(),
    createdBy: z.uuid().nullable(),
    createdAt: z.date(),
    version: z.number().int(),
  })
  .meta({ id: 'Activity' });

export const TimelineItemSchema = z
  .object({
    id: z.uuid(),
    at: z.date(),
    /** `activity` or the domain event's type (`crm.opportunity.stage-changed`, …). */
    type: z.string(),
    activity: ActivitySchema.optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'TimelineItem' });

export const TeamSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    memberIds: z.array(z.uuid()),
    version: z.number().int(),
  })
  .meta({ id: 'Team' });
export const CreateTeamInputSchema = z.strictObject({ name: Text(100) });
export const SetTeamMembersInputSchema = z.strictObject({
  membershipIds: z.array(z.uuid()).max(500),
});
