import {
  Inject,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Database, relayRoleUrl } from '@nexo/db';
import {
  APP_CONFIG,
  APP_LOGGER,
  MetricsService,
  ReadinessRegistry,
  type AppConfig,
  type Logger,
} from '@nexo/platform';
import { EVENT_BUS, type EventBus } from './bus/event-bus.js';
import { InProcessBus } from './bus/in-process.bus.js';
import { EventSubscriptions } from './consumers/event-subscriptions.js';
import { IdempotentConsumer } from './consumers/idempotent-consumer.service.js';
import { EventOutbox } from './outbox/event-outbox.service.js';
import { registerOutboxMetrics } from './relay/outbox-metrics.js';
import { OutboxRelay, type OutboxRelayOptions } from './relay/outbox-relay.service.js';
import { EventRetention } from './retention/event-retention.service.js';

export interface EventsModuleOptions {
  /** `NEXO_NATS_URL`: JetStream as the bus; without it, the in-process bus. */
  natsUrl?: string | undefined;
  /** The relay role's connection URL; by default the app pool's URL with the relay role's name. */
  relayUrl?: string | undefined;
  relay?: Omit<OutboxRelayOptions, 'logger'>;
}

export const EVENTS_OPTIONS = Symbol('EVENTS_OPTIONS');

/** The relay role shares the app role's password (bootstrap-roles), so only the name changes. */
function relayUrlFromAppPool(database: Database): string {
  const appUrl = database.pool.options.connectionString;
  if (!appUrl)
    throw new Error('EventsModule needs relayUrl: the app pool has no connection string');
  return relayRoleUrl(appUrl, decodeURIComponent(new URL(appUrl).password));
}

/**
 * The outbox, the bus, the consumers and `EventRetention` (pruning, run by a job). In processes that do background work (`NEXO_ROLE`
 * all or worker) it subscribes the declared consumers, then starts the relay and its gauges;
 * before shutdown it stops the relay (finishing its batch) and the bus, so no handler is
 * still running when the app pool closes.
 */
@Module({})
export class EventsModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private relay: OutboxRelay | undefined;
  private relayDatabase: Database | undefined;

  constructor(
    @Inject(EVENTS_OPTIONS) private readonly options: EventsModuleOptions,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(Database) private readonly database: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(ReadinessRegistry) private readonly readiness: ReadinessRegistry,
    @Inject(IdempotentConsumer) private readonly consumer: IdempotentConsumer,
    @Inject(EventSubscriptions) private readonly subscriptions: EventSubscriptions,
    @Inject(EventRetention) private readonly retention: EventRetention,
  ) {}

  static forRoot(options: EventsModuleOptions = {}): DynamicModule {
    return {
      module: EventsModule,
      global: true,
      providers: [
        { provide: EVENTS_OPTIONS, useValue: options },
        {
          provide: EVENT_BUS,
          inject: [APP_LOGGER],
          // The NATS client is loaded only when it is configured: a process on the in-process
          // bus does not carry it in memory (ADR 0013, idle RSS).
          useFactory: async (logger: Logger): Promise<EventBus> => {
            if (!options.natsUrl) return new InProcessBus();
            const { NatsJetStreamBus } = await import('./bus/nats-jetstream.bus.js');
            return NatsJetStreamBus.connect({ servers: options.natsUrl, logger });
          },
        },
        EventOutbox,
        IdempotentConsumer,
        EventSubscriptions,
        {
          provide: EventRetention,
          inject: [Database],
          useFactory: (database: Database): EventRetention =>
            new EventRetention(() => options.relayUrl ?? relayUrlFromAppPool(database)),
        },
      ],
      exports: [EVENT_BUS, EventOutbox, IdempotentConsumer, EventSubscriptions, EventRetention],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    const declared = this.subscriptions.seal();
    if (this.config.NEXO_ROLE === 'api') return;
    // The in-process bus is always ready; a NATS connection may not be.
    if (this.options.natsUrl)
      this.readiness.register({ name: 'events', check: () => this.bus.ping() });
    for (const { consumer, types, handler } of declared)
      await this.bus.subscribe(consumer, types, this.consumer.wrap(consumer, handler));
    // Connects lazily: a database that is not up yet delays the relay, not the boot.
    this.relayDatabase = new Database(this.options.relayUrl ?? relayUrlFromAppPool(this.database), {
      max: 2,
      applicationName: 'nexo-relay',
    });
    registerOutboxMetrics(this.metrics.registry, this.relayDatabase, this.logger);
    this.relay = new OutboxRelay(this.relayDatabase, this.bus, {
      ...this.options.relay,
      logger: this.logger,
    });
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.bus.close();
    await this.relayDatabase?.close();
    await this.retention.close();
  }
}
