import { defineEvent, type EventDefinition } from '@nexo/events';
import { z } from 'zod';

const DocumentPayload = z.object({
  id: z.uuid(),
  state: z.string(),
  number: z.string().nullable(),
  total: z.string(),
  currency: z.string(),
});
const Removed = z.object({ id: z.uuid() });
export type DocumentEventPayload = z.infer<typeof DocumentPayload>;

export interface DocumentEvents {
  created: EventDefinition<typeof DocumentPayload>;
  updated: EventDefinition<typeof DocumentPayload>;
  deleted: EventDefinition<typeof Removed>;
  /** One per transition: `<type>.<transition>` (`sales.invoice.issue`). */
  transitions: Record<string, EventDefinition<typeof DocumentPayload>>;
}

/** A document type's outbox events: `<context>.<entity>.<verb>`, version 1. */
export function documentEvents(type: string, transitions: readonly string[]): DocumentEvents {
  const of = (verb: string) => defineEvent(`${type}.${verb}`, 1, DocumentPayload);
  return {
    created: of('created'),
    updated: of('updated'),
    deleted: defineEvent(`${type}.deleted`, 1, Removed),
    transitions: Object.fromEntries(transitions.map((t) => [t, of(t)])),
  };
}

/** The payload of a document's events. */
export const documentPayload = (row: {
  id: string;
  state: string;
  number: string | null;
  total: string;
  currency: string;
}): DocumentEventPayload => ({
  id: row.id,
  state: row.state,
  number: row.number,
  total: row.total,
  currency: row.currency,
});

/**
 * A document was emailed to its party: one definition for every type, so the party's timeline
 * (crm) shows it without knowing the types that send.
 */
export const DocumentSent = defineEvent(
  'documents.document.sent',
  1,
  z.object({
    documentType: z.string(),
    documentId: z.uuid(),
    number: z.string().nullable(),
    partyId: z.uuid(),
    to: z.string(),
    total: z.string(),
    currency: z.string(),
  }),
  { aggregateType: 'documents.document' },
);
