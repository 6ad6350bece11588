import type { EventEnvelope } from '../definitions/event-definition.js';

export type EventHandler = (event: EventEnvelope) => Promise<void>;

/**
 * Where the relay hands events and consumers receive them. Delivery is at least once and,
 * per aggregate, in position order; consumers make repeats harmless (`IdempotentConsumer`).
 */
export interface EventBus {
  /** Resolves once the bus holds the event (delivered in process, or stored by JetStream). */
  publish(event: EventEnvelope): Promise<void>;
  /**
   * `consumer` names a durable subscriber (lower-case words, digits, `-` and `_`): with
   * NATS its position survives restarts, and every process with the same name shares it.
   */
  subscribe(consumer: string, types: readonly string[], handler: EventHandler): Promise<void>;
  /** Rejects when the bus cannot take events now (readiness). */
  ping(): Promise<void>;
  /** Stops delivering to subscribers and lets go of connections; idempotent. */
  close(): Promise<void>;
}

export const EVENT_BUS = Symbol('EVENT_BUS');

export const CONSUMER_NAME_PATTERN = /^[a-z][a-z0-9_-]{0,99}$/;

export function assertConsumerName(consumer: string): void {
  if (!CONSUMER_NAME_PATTERN.test(consumer))
    throw new Error(`Consumer name "${consumer}" must match ${CONSUMER_NAME_PATTERN.source}`);
}
