import type { TaxDefinition } from '@nexo/commerce';
import type { SeriesOptions } from '@nexo/db';
import type { documentTables } from '../db/document.tables.js';
import type { StateMachine } from '../states/state-machine.js';
import { documentEvents, type DocumentEvents } from './document-events.js';

/** A document type's tables, as `documentTables` made them (with or without extra columns). */
export type DocumentTables = ReturnType<
  typeof documentTables<Record<never, never>, Record<never, never>>
>;
export type DocumentRow = DocumentTables['header']['$inferSelect'];
export type DocumentLineRow = DocumentTables['lines']['$inferSelect'];

/**
 * What the kit needs to know of a document type: its name (events, audit, the number series),
 * the permission subject, its tables, its states, and how its numbers look.
 */
export interface DocumentTypeSpec<S extends string = string, T extends string = string> {
  /** `sales.invoice`: the number series' document type and the events' prefix. */
  name: string;
  /** The permission subject of its records and actions. */
  subject: string;
  /** The record's name in errors: `Invoice`. */
  label: string;
  tables: DocumentTables;
  states: StateMachine<S, T>;
  /** The series' look: prefix, padding, yearly reset. */
  numbering?: SeriesOptions;
  /** The type whose lines this type's lines may come from (an order's, for a delivery). */
  sourceLines?: DocumentTables['lines'];
}

/** A document type with its events, made once by `defineDocumentType`. */
export interface DocumentType<
  S extends string = string,
  T extends string = string,
> extends DocumentTypeSpec<S, T> {
  events: DocumentEvents;
}

export function defineDocumentType<S extends string, T extends string>(
  spec: DocumentTypeSpec<S, T>,
): DocumentType<S, T> {
  return { ...spec, events: documentEvents(spec.name, spec.states.names) };
}

/** A line as a caller gives it: the kit computes its figures. */
export interface DocumentLineInput {
  itemId?: string | null;
  variantId?: string | null;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discountPercent?: string | null;
  /** The taxes it carries, resolved by the calling context (catalog's tax table). */
  taxes: TaxDefinition[];
  sourceLineId?: string | null;
}

/** A draft's header as a caller gives it: the kit keeps state, number and totals. */
export interface DocumentHeaderInput {
  partyId: string;
  contactId?: string | null;
  currency: string;
  exchangeRate?: string;
  documentDate: string;
  validUntil?: string | null;
  dueDate?: string | null;
  paymentTerms?: unknown;
  language?: 'es' | 'en';
  ownerId?: string | null;
  notes?: string | null;
  discountPercent?: string;
  roundingLevel?: 'line' | 'document';
  roundingMode?: 'half-up' | 'half-even';
  documentTaxes?: TaxDefinition[];
  /** The type's own columns. */
  [column: string]: unknown;
}

/** A line to take from a source line: which, and how much of what remains. */
export interface DerivePick {
  sourceLineId: string;
  quantity: string;
}

/** A source line's progress: ordered, done by later documents, remaining. */
export interface LineProgress {
  lineId: string;
  quantity: string;
  done: string;
  remaining: string;
}
