import type { Logger } from '@nexo/platform';
import {
  AckPolicy,
  DeliverPolicy,
  RetentionPolicy,
  StorageType,
  connect,
  nanos,
  type ConsumerConfig,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
  type NatsError,
} from 'nats';
import { EventEnvelopeSchema, type EventEnvelope } from '../definitions/event-definition.js';
import { assertConsumerName, type EventBus, type EventHandler } from './event-bus.js';

export interface NatsJetStreamBusOptions {
  /** `nats://host:4222`, or several separated by commas. */
  servers: string;
  stream?: string;
  /** Subjects are `<prefix>.<tenant>.<type>`. */
  subjectPrefix?: string;
  /** How long JetStream remembers a `Nats-Msg-Id`: repeats from the relay inside it are dropped. */
  duplicateWindowMs?: number;
  /** How long the stream keeps events; a durable consumer offline for longer misses them. */
  maxAgeMs?: number;
  /** Unacknowledged for this long, a message is delivered again. */
  ackWaitMs?: number;
  /** A handler that threw gets the same event again after this delay. */
  retryDelayMs?: number;
  logger?: Pick<Logger, 'warn' | 'error'>;
}

const DEFAULTS = {
  stream: 'NEXO_EVENTS',
  subjectPrefix: 'nexo.events',
  duplicateWindowMs: 5 * 60_000,
  maxAgeMs: 7 * 24 * 3600_000,
  ackWaitMs: 30_000,
  retryDelayMs: 1_000,
};

function isApiError(error: unknown, status: number): boolean {
  return (error as Partial<NatsError>).api_error?.code === status;
}

/** `filter_subjects` (several filters on one consumer) needs NATS 2.10. */
function supportsManyFilters(version: string | undefined): boolean {
  const [major = 0, minor = 0] = (version ?? '0.0').split('.').map(Number);
  return major > 2 || (major === 2 && minor >= 10);
}

/**
 * JetStream as the bus (when `NEXO_NATS_URL` is set): stream `NEXO_EVENTS` on
 * `nexo.events.>`, one subject per tenant and type, the event id as `Nats-Msg-Id` so a relay
 * that publishes again after a crash does not store the event twice.
 *
 * Each consumer is a durable pull consumer with explicit acks and `max_ack_pending: 1`: the
 * server hands out the next event only after the previous one is acknowledged, so a consumer
 * sees the stream's order (the relay's order) even when a handler fails and is retried. That
 * costs one round trip per event; a consumer that needs more throughput would partition by
 * aggregate, which this bus does not do yet.
 */
export class NatsJetStreamBus implements EventBus {
  private readonly loops: { messages: ConsumerMessages; done: Promise<void> }[] = [];
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
    private readonly options: typeof DEFAULTS & NatsJetStreamBusOptions,
  ) {}

  static async connect(options: NatsJetStreamBusOptions): Promise<NatsJetStreamBus> {
    const settings = { ...DEFAULTS, ...options };
    const nc = await connect({
      servers: settings.servers.split(',').map((s) => s.trim()),
      name: 'nexo-events',
    });
    try {
      const jsm = await nc.jetstreamManager();
      const bus = new NatsJetStreamBus(nc, jsm, nc.jetstream(), settings);
      await bus.ensureStream();
      return bus;
    } catch (error) {
      await nc.close();
      throw error;
    }
  }

  /** Creates the stream on first use; an existing one is kept as it is configured. */
  private async ensureStream(): Promise<void> {
    const { stream, subjectPrefix } = this.options;
    try {
      await this.jsm.streams.info(stream);
    } catch (error) {
      if (!isApiError(error, 404)) throw error;
      await this.jsm.streams.add({
        name: stream,
        subjects: [`${subjectPrefix}.>`],
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        duplicate_window: nanos(this.options.duplicateWindowMs),
        max_age: nanos(this.options.maxAgeMs),
      });
    }
  }

  private subject(tenantId: string, type: string): string {
    return `${this.options.subjectPrefix}.${tenantId}.${type}`;
  }

  async publish(event: EventEnvelope): Promise<void> {
    await this.js.publish(
      this.subject(event.tenantId, event.type),
      new TextEncoder().encode(JSON.stringify(event)),
      { msgID: event.id, expect: { streamName: this.options.stream } },
    );
  }

  async subscribe(
    consumer: string,
    types: readonly string[],
    handler: EventHandler,
  ): Promise<void> {
    assertConsumerName(consumer);
    if (this.closing) throw new Error('The NATS event bus is closed');
    const wanted = new Set(types);
    const config: Partial<ConsumerConfig> = {
      durable_name: consumer,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      max_ack_pending: 1,
      ack_wait: nanos(this.options.ackWaitMs),
      ...this.filter(types),
    };
    try {
      await this.jsm.consumers.add(this.options.stream, config);
    } catch (error) {
      // An existing durable with another filter (types added in a release): update it.
      if (!isApiError(error, 400)) throw error;
      await this.jsm.consumers.update(this.options.stream, consumer, config);
    }
    const messages = await (await this.js.consumers.get(this.options.stream, consumer)).consume();
    const done = this.run(consumer, messages, wanted, handler).catch((error: unknown) => {
      // The stream or consumer went away under us (deleted, server lost its state).
      this.options.logger?.error({ err: error, consumer }, 'event consumer stopped');
    });
    this.loops.push({ messages, done });
  }

  private filter(types: readonly string[]): Partial<ConsumerConfig> {
    const subjects = types.map((type) => this.subject('*', type));
    if (subjects.length === 1) return { filter_subject: subjects[0] };
    if (supportsManyFilters(this.nc.info?.version)) return { filter_subjects: subjects };
    // Older servers take one filter: take every event and skip the others here.
    return { filter_subject: `${this.options.subjectPrefix}.>` };
  }

  private async run(
    consumer: string,
    messages: ConsumerMessages,
    wanted: ReadonlySet<string>,
    handler: EventHandler,
  ): Promise<void> {
    for await (const message of messages) {
      let event: EventEnvelope;
      try {
        event = EventEnvelopeSchema.parse(JSON.parse(new TextDecoder().decode(message.data)));
      } catch (error) {
        // Not an event of ours: it can never succeed, so it must not block the consumer.
        this.options.logger?.error(
          { err: error, consumer, subject: message.subject },
          'dropping a malformed event message',
        );
        message.term();
        continue;
      }
      if (!wanted.has(event.type)) {
        message.ack();
        continue;
      }
      try {
        await handler(event);
        message.ack();
      } catch (error) {
        this.options.logger?.warn(
          { err: error, consumer, eventId: event.id, type: event.type },
          'event handler failed; the event will be delivered again',
        );
        message.nak(this.options.retryDelayMs);
      }
    }
  }

  /** A round trip to the server. */
  ping(): Promise<void> {
    return this.nc.flush();
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const loop of this.loops) loop.messages.stop();
      // A handler in flight finishes and acknowledges before the connection drains.
      await Promise.all(this.loops.map((loop) => loop.done));
      if (!this.nc.isClosed()) await this.nc.drain();
    })();
    return this.closing;
  }
}
