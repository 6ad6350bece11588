import { Inject, Injectable } from '@nestjs/common';
import { Database, type Tx } from '@nexo/db';
import { requestContext } from '@nexo/platform';
import { consumed } from '../db/events.tables.js';
import type { EventEnvelope } from '../definitions/event-definition.js';
import { assertConsumerName, type EventHandler } from '../bus/event-bus.js';

export type TransactionalEventHandler = (event: EventEnvelope, tx: Tx) => Promise<void>;

/**
 * Applies each event once per consumer, however often it is delivered. The handler runs in
 * a transaction of the event's tenant (so its writes are under that tenant's RLS, and
 * `Database.tx()` works inside it) that first records `(consumer, event id)` in
 * `events.consumed`. A repeat finds the record and does nothing; a repeat arriving while the
 * first is still running waits on the record's key and then finds it; a handler that throws
 * rolls back its record with its writes, so the next delivery applies the event.
 */
@Injectable()
export class IdempotentConsumer {
  constructor(@Inject(Database) private readonly database: Database) {}

  /** Resolves to true when the handler ran, false when the event had been applied before. */
  async handle(
    consumer: string,
    event: EventEnvelope,
    handler: TransactionalEventHandler,
  ): Promise<boolean> {
    // Handlers log and audit like a request: with the request id that caused the event. The
    // claim is the transaction's first statement, so it rides with BEGIN and the settings.
    return requestContext.run({ requestId: event.requestId ?? event.id }, () =>
      this.database.withContext({ tenantId: event.tenantId }, async (tx) => {
        const claimed = await tx
          .insert(consumed)
          .values({ tenantId: event.tenantId, consumer, eventId: event.id })
          .onConflictDoNothing()
          .returning({ eventId: consumed.eventId });
        if (!claimed.length) return false;
        await handler(event, tx);
        return true;
      }),
    );
  }

  /** The handler in the shape a bus subscribes. */
  wrap(consumer: string, handler: TransactionalEventHandler): EventHandler {
    assertConsumerName(consumer);
    return async (event) => {
      await this.handle(consumer, event, handler);
    };
  }
}
