import { z } from 'zod';

/**
 * `<context>.<entity>.<verb>` in lower case. The three words are also the last tokens of
 * the NATS subject, so nothing here may contain a dot, a space or a wildcard.
 */
export const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

/** A delivered event: an outbox row as every bus carries it (JSON-safe, so dates are ISO strings). */
export interface EventEnvelope<P = unknown> {
  id: string;
  tenantId: string;
  /** Global order of the outbox; per aggregate, events arrive in increasing position. */
  position: number;
  type: string;
  version: number;
  aggregateType: string;
  aggregateId: string;
  payload: P;
  requestId: string | null;
  occurredAt: string;
}

/** What a bus accepts from the wire: anything else is not an event of ours. */
export const EventEnvelopeSchema = z.strictObject({
  id: z.guid(),
  tenantId: z.guid(),
  position: z.number().int().positive(),
  type: z.string().regex(EVENT_TYPE_PATTERN),
  version: z.number().int().positive(),
  aggregateType: z.string().min(1),
  aggregateId: z.guid(),
  payload: z.unknown(),
  requestId: z.string().nullable(),
  occurredAt: z.iso.datetime({ offset: true }),
});

/** An event about to be written to the outbox; built by `EventDefinition.of`. */
export interface PendingEvent<S extends z.ZodType = z.ZodType> {
  readonly definition: EventDefinition<S>;
  readonly aggregateId: string;
  readonly payload: z.input<S>;
}

export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  readonly type: string;
  readonly version: number;
  /** Payloads are stored as JSON: schemas describe JSON values (ISO strings, not `Date`s). */
  readonly schema: S;
  readonly aggregateType: string;
  of(aggregateId: string, payload: z.input<S>): PendingEvent<S>;
  /** The payload as stored, or `InvalidEventError`; the outbox calls it on every publish. */
  validate(payload: unknown): z.output<S>;
  /** This event at this version? Then the envelope with its payload parsed, else undefined. */
  parse(envelope: EventEnvelope): EventEnvelope<z.output<S>> | undefined;
}

export class InvalidEventError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'InvalidEventError';
  }
}

/**
 * Declares one version of one event: `defineEvent('crm.party.created', 1, z.object({...}))`.
 * A breaking payload change is a new version with its own definition; consumers handle the
 * versions they know. The aggregate type defaults to the type's `<context>.<entity>`.
 */
export function defineEvent<S extends z.ZodType>(
  type: string,
  version: number,
  schema: S,
  options: { aggregateType?: string } = {},
): EventDefinition<S> {
  if (!EVENT_TYPE_PATTERN.test(type))
    throw new InvalidEventError(`Event type "${type}" is not <context>.<entity>.<verb>`);
  if (!Number.isInteger(version) || version < 1)
    throw new InvalidEventError(`Event ${type}: version must be a positive integer`);
  const aggregateType = options.aggregateType ?? type.slice(0, type.lastIndexOf('.'));
  const definition: EventDefinition<S> = {
    type,
    version,
    schema,
    aggregateType,
    of(aggregateId, payload) {
      return { definition, aggregateId, payload };
    },
    validate(payload) {
      const parsed = schema.safeParse(payload);
      if (!parsed.success)
        throw new InvalidEventError(`Invalid payload for ${type} v${version}`, {
          cause: parsed.error,
        });
      return parsed.data;
    },
    parse(envelope) {
      if (envelope.type !== type || envelope.version !== version) return undefined;
      return { ...envelope, payload: definition.validate(envelope.payload) };
    },
  };
  return definition;
}
