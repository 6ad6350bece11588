import { z } from 'zod';
import { Text } from './crm.shared.js';

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
/** An activity as a role may read it: fields its rules hide are left out. */
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
  .partial()
  .required({ id: true })
  .meta({ id: 'Activity' });
