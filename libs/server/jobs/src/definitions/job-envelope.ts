import { z } from 'zod';

/**
 * The data of a pg-boss job as NEXO writes it: the tenant and the identity of whoever enqueued
 * it, beside the payload. The tenant and user are top-level keys because the queue table's
 * policy reads them (`data ->> 'tenantId'`, `data ->> 'userId'`, migration 0020): the app role
 * can enqueue only for the tenant and user of its own transaction.
 */
export const JobEnvelopeSchema = z.strictObject({
  v: z.literal(1),
  tenantId: z.guid().nullable(),
  userId: z.string().nullable(),
  actor: z.string().nullable(),
  membershipId: z.string().nullable(),
  partyId: z.string().nullable(),
  requestId: z.string().nullable(),
  payload: z.unknown(),
});
export type JobEnvelope = z.infer<typeof JobEnvelopeSchema>;
