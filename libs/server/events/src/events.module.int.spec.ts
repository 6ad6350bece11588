import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Database, DatabaseModule, relayRoleUrl } from '@nexo/db';
import { Mailer, MetricsService, PlatformModule, SecretBox, loadConfig } from '@nexo/platform';
import { adminClient, createTenant, useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EventSubscriptions } from './consumers/event-subscriptions.js';
import { defineEvent, type EventEnvelope } from './definitions/event-definition.js';
import { EventsModule } from './events.module.js';
import { EventOutbox } from './outbox/event-outbox.service.js';
import { registerOutboxMetrics } from './relay/outbox-metrics.js';
import { OutboxRelay } from './relay/outbox-relay.service.js';
import { InProcessBus } from './bus/in-process.bus.js';

const PartyCreated = defineEvent('test.party.created', 1, z.strictObject({ name: z.string() }));

const received: EventEnvelope[] = [];

/** A context that consumes events, as a business module would. */
@Injectable()
class Greeter implements OnModuleInit {
  constructor(@Inject(EventSubscriptions) private readonly subscriptions: EventSubscriptions) {}

  onModuleInit(): void {
    this.subscriptions.on('greeter', [PartyCreated], (event) => {
      received.push(event);
      return Promise.resolve();
    });
  }
}

@Module({ providers: [Greeter] })
class GreeterModule {}

function metricValue(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return Number(line?.split(' ')[1]);
}

describe('EventsModule', () => {
  const db = useTestDatabase();

  async function boot(role: 'all' | 'api' | 'worker'): Promise<{
    app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>;
    metrics: MetricsService;
    database: Database;
  }> {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', NEXO_ROLE: role });
    const metrics = new MetricsService();
    // The app closes its pool on shutdown: give it one of its own.
    const database = new Database(db.current.appUrl, { max: 4 });
    const app = await NestFactory.createApplicationContext(
      {
        module: class EventsTestApp {},
        imports: [
          PlatformModule.forRoot({
            config,
            logger: pino({ level: 'silent' }),
            metrics,
            secretBox: new SecretBox(randomBytes(32).toString('base64')),
            mailer: new Mailer({ from: 'test@nexo.test', dropDir: tmpdir() }),
          }),
          DatabaseModule.forRoot(database),
          EventsModule.forRoot({ relay: { pollIntervalMs: 10 } }),
          GreeterModule,
        ],
      },
      { logger: false },
    );
    await app.init();
    return { app, metrics, database };
  }

  it('subscribes declared consumers and relays in a worker, and stops cleanly', async () => {
    const { app, metrics, database } = await boot('worker');
    let closed = false;
    try {
      const tenantId = (await createTenant(database)).id;
      const outbox = app.get(EventOutbox);
      const { id } = await database.withContext({ tenantId }, () =>
        outbox.publish(PartyCreated.of(newId(), { name: 'Acme' })),
      );
      for (let i = 0; i < 300 && !received.some((e) => e.id === id); i++) await sleep(10);
      expect(received.find((e) => e.id === id)).toMatchObject({
        tenantId,
        type: 'test.party.created',
        payload: { name: 'Acme' },
      });
      // The in-process bus hands the event over inside the relay's batch, before the batch
      // commits `published_at`: wait for the mark before reading the gauges.
      const admin = await adminClient(db.current);
      try {
        for (let i = 0; i < 300; i++) {
          const { rows } = await admin.query<{ n: number }>(
            'select count(*)::int as n from events.outbox where published_at is null',
          );
          if (rows[0]?.n === 0) break;
          await sleep(10);
        }
      } finally {
        await admin.end();
      }
      const text = await metrics.registry.metrics();
      expect(metricValue(text, 'nexo_outbox_backlog')).toBe(0);
      expect(metricValue(text, 'nexo_outbox_relay_lag_seconds')).toBe(0);

      await app.close();
      closed = true;
      await continueAfterStop(tenantId, database);
    } finally {
      // A failed assertion must not leave this worker relaying the next test's events.
      if (!closed) await app.close();
    }
  });

  async function continueAfterStop(tenantId: string, database: Database): Promise<void> {
    expect(database.pool.ended).toBe(true);
    // Stopped: an event written now stays in the outbox.
    const after = new Database(db.current.appUrl, { max: 1 });
    try {
      const late = await after.withContext({ tenantId }, () =>
        new EventOutbox(after).publish(PartyCreated.of(newId(), { name: 'Late' })),
      );
      await sleep(100);
      expect(received.some((e) => e.id === late.id)).toBe(false);
    } finally {
      await after.close();
    }
  }

  it('neither relays nor consumes in an API process', async () => {
    const { app, metrics } = await boot('api');
    try {
      expect(metrics.registry.getSingleMetric('nexo_outbox_backlog')).toBeUndefined();
      expect(() =>
        app.get(EventSubscriptions).on('late', ['test.party.created'], () => Promise.resolve()),
      ).toThrow(/after the application booted/);
    } finally {
      await app.close();
    }
  });

  it('reports the backlog and the age of the oldest unpublished event', async () => {
    const relayDatabase = new Database(relayRoleUrl(db.current.adminUrl, db.current.appPassword), {
      max: 1,
    });
    const registry = new Registry();
    registerOutboxMetrics(registry, relayDatabase);
    try {
      const relay = new OutboxRelay(relayDatabase, new InProcessBus());
      while ((await relay.relayOnce()) > 0);
      const tenantId = (await createTenant(db.current.database)).id;
      await db.current.database.withContext({ tenantId }, () =>
        new EventOutbox(db.current.database).publishAll(
          [1, 2, 3].map((n) => PartyCreated.of(newId(), { name: `P${n}` })),
        ),
      );
      await sleep(1_100); // past the gauges' shared read, and an age worth measuring
      let text = await registry.metrics();
      expect(metricValue(text, 'nexo_outbox_backlog')).toBe(3);
      expect(metricValue(text, 'nexo_outbox_relay_lag_seconds')).toBeGreaterThanOrEqual(1);
      expect(await relay.relayOnce()).toBe(3);
      await sleep(1_100);
      text = await registry.metrics();
      expect(metricValue(text, 'nexo_outbox_backlog')).toBe(0);
      expect(metricValue(text, 'nexo_outbox_relay_lag_seconds')).toBe(0);
    } finally {
      await relayDatabase.close();
    }
  });
});
