import { z } from 'zod';
import { ActivitySchema } from './activity.contracts.js';

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
