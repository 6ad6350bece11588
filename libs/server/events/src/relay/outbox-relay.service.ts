import { UnsafeDatabaseRoleError, assertRoleCannotBypassRls, type Database } from '@nexo/db';
import type { Logger } from '@nexo/platform';
import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { EventBus } from '../bus/event-bus.js';
import { outbox } from '../db/events.tables.js';
import type { EventEnvelope } from '../definitions/event-definition.js';

export interface OutboxRelayOptions {
  batchSize?: number;
  /** Wait between polls when the last batch was not full. */
  pollIntervalMs?: number;
  /** Wait after a failed batch (bus or database unavailable) before trying again. */
  retryDelayMs?: number;
  logger?: Pick<Logger, 'warn' | 'error'>;
}

interface OutboxRow extends Record<string, unknown> {
  tenant_id: string;
  id: string;
  position: string;
  type: string;
  version: number;
  aggregate_type: string;
  aggregate_id: string;
  payload: unknown;
  request_id: string | null;
  /** Epoch milliseconds: drizzle's driver setup hands timestamps over as text. */
  occurred_ms: number;
}

export class RelayDeliveryError extends Error {
  constructor(position: number, cause: unknown) {
    super(`The event bus refused the event at outbox position ${position}`, { cause });
    this.name = 'RelayDeliveryError';
  }
}

function envelope(row: OutboxRow): EventEnvelope {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    position: Number(row.position),
    type: row.type,
    version: row.version,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    payload: row.payload,
    requestId: row.request_id,
    occurredAt: new Date(row.occurred_ms).toISOString(),
  };
}

/**
 * Moves committed outbox rows to the bus, at least once, each aggregate's events in position
 * order. Runs as the relay role (a `Database` on `relayRoleUrl`), which sees every tenant's
 * outbox and may only mark `published_at`.
 *
 * One transaction per batch: lock up to `batchSize` unpublished rows in position order
 * (`FOR UPDATE SKIP LOCKED`, so a second relay takes other rows instead of waiting), keep
 * only rows with no earlier unpublished event of their aggregate outside the batch (such an
 * event is being delivered by another relay, and must go first), deliver them in position
 * order, mark the delivered ones, commit. A failure stops the batch: what was delivered is
 * marked, the rest stays for the next try. A crash between delivery and commit delivers the
 * batch again, which consumers absorb (`IdempotentConsumer`, and JetStream's `Nats-Msg-Id`).
 *
 * Out-of-order commits: positions are taken at insert, so position 7 may commit before 5.
 * The relay never moves a cursor past rows it has not seen: each poll starts again from the
 * lowest unpublished position, so 5 is delivered when it commits, never skipped. Within an
 * aggregate that cannot happen at all, because `EventOutbox` serialises the writers of an
 * aggregate with a transaction-scoped lock: once any event of an aggregate is visible, every
 * earlier one of that aggregate is too (committed before the lock passed on), so delivering
 * the lowest unpublished event of each aggregate keeps its order. Events of different
 * aggregates may arrive in commit order rather than position order; no order is promised
 * between aggregates.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retryDelayMs: number;
  private running: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly database: Database,
    private readonly bus: EventBus,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.retryDelayMs = options.retryDelayMs ?? 1_000;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  /** Finishes the batch in flight (delivered and marked), then returns. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
  }

  private async loop(): Promise<void> {
    let roleChecked = false;
    while (!this.stopping) {
      let pause = this.pollIntervalMs;
      try {
        // Checked here rather than at boot, so that a database still starting delays the
        // relay instead of failing the process; an unsafe role stops it for good.
        if (!roleChecked) await assertRoleCannotBypassRls(this.database.pool);
        roleChecked = true;
        const { selected, delivered } = await this.relayBatch();
        // A full batch all delivered: more is likely waiting. Rows held back for another
        // relay are not a reason to spin.
        if (selected >= this.batchSize && delivered === selected) pause = 0;
      } catch (error) {
        this.options.logger?.error({ err: error }, 'outbox relay batch failed');
        if (error instanceof UnsafeDatabaseRoleError) return;
        pause = this.retryDelayMs;
      }
      if (pause > 0 && !this.stopping) await this.sleep(pause);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** One batch; resolves to the number of events delivered. For tests and tools. */
  async relayOnce(): Promise<number> {
    return (await this.relayBatch()).delivered;
  }

  private async relayBatch(): Promise<{ selected: number; delivered: number }> {
    const result = await this.database.db.transaction(async (tx) => {
      const { rows } = await tx.execute<OutboxRow & { held: boolean }>(sql`
        with batch as (
          select tenant_id, id, position, type, version, aggregate_type, aggregate_id, payload,
                 request_id, (extract(epoch from occurred_at) * 1000)::float8 as occurred_ms
            from events.outbox
           where published_at is null
           order by position
           limit ${this.batchSize}
             for update skip locked
        )
        select b.*, exists (
                 select 1 from events.outbox o
                  where o.published_at is null
                    and o.tenant_id = b.tenant_id
                    and o.aggregate_type = b.aggregate_type
                    and o.aggregate_id = b.aggregate_id
                    and o.position < b.position
                    and o.position not in (select position from batch)
               ) as held
          from batch b
         order by b.position`);
      const delivered: number[] = [];
      let failure: RelayDeliveryError | undefined;
      for (const row of rows) {
        if (row.held) continue;
        try {
          await this.bus.publish(envelope(row));
        } catch (error) {
          failure = new RelayDeliveryError(Number(row.position), error);
          break;
        }
        delivered.push(Number(row.position));
      }
      if (delivered.length > 0) {
        await tx
          .update(outbox)
          .set({ publishedAt: sql`now()` })
          .where(and(inArray(outbox.position, delivered), isNull(outbox.publishedAt)));
      }
      return { selected: rows.length, delivered: delivered.length, failure };
    });
    // Thrown after the commit, so the events delivered before the failure stay marked.
    if (result.failure) throw result.failure;
    return result;
  }
}
