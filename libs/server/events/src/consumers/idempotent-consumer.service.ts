import { Inject, Injectable } from '@nestjs/common';
import { Database, inlined, type Tx } from '@nexo/db';
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
    // Handlers log and audit like a request: with the request id that caused the event.
    // The claim rides in the transaction's opening round trip (after BEGIN and the tenant
    // setting): one round trip per event fewer than a separate INSERT.
    let claimed = false;
    return requestContext.run({ requestId: event.requestId ?? event.id }, () =>
      this.database.withContext(
        { tenantId: event.tenantId },
        async (tx) => {
          if (!claimed) return false;
          await handler(event, tx);
          return true;
        },
        {
          sql: inlined(
            this.database.db
              .insert(consumed)
              .values({ tenantId: event.tenantId, consumer, eventId: event.id })
              .onConflictDoNothing()
              .returning({ eventId: consumed.eventId }),
          ),
          accept: (rows) => {
            claimed = rows.length > 0;
          },
        },
      ),
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
