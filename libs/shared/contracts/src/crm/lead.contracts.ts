import { z } from 'zod';
import { CustomValuesSchema } from '../custom-fields/custom-field.contracts.js';
import { Text } from './crm.shared.js';
import { amountInCurrency, OpportunityFieldsSchema } from './opportunity.contracts.js';
import { CreatePartyInputSchema } from './party.contracts.js';

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
    opportunity: OpportunityFieldsSchema.omit({ partyId: true }).superRefine(amountInCurrency),
  })
  .refine((v) => Boolean(v.partyId) !== Boolean(v.party), {
    message: 'Send either partyId or party',
    path: ['partyId'],
  });
export type ConvertLeadInput = z.infer<typeof ConvertLeadInputSchema>;
