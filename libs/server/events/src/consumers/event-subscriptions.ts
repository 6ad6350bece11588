import { Injectable } from '@nestjs/common';
import type { EventDefinition } from '../definitions/event-definition.js';
import { assertConsumerName } from '../bus/event-bus.js';
import type { TransactionalEventHandler } from './idempotent-consumer.service.js';

export interface EventSubscription {
  consumer: string;
  types: readonly string[];
  handler: TransactionalEventHandler;
}

/**
 * Where contexts declare their consumers (in a constructor or `onModuleInit`). `EventsModule`
 * subscribes them all, each through `IdempotentConsumer`, when the application boots in a
 * process that consumes (`NEXO_ROLE` all or worker) and before its relay starts, so the
 * in-process bus has its subscribers before the first event moves.
 */
@Injectable()
export class EventSubscriptions {
  private readonly declared: EventSubscription[] = [];
  private sealed = false;

  on(
    consumer: string,
    events: readonly (EventDefinition | string)[],
    handler: TransactionalEventHandler,
  ): void {
    assertConsumerName(consumer);
    if (this.sealed)
      throw new Error(`Consumer "${consumer}" was declared after the application booted`);
    if (this.declared.some((s) => s.consumer === consumer))
      throw new Error(`Consumer "${consumer}" is declared twice`);
    const types = [...new Set(events.map((e) => (typeof e === 'string' ? e : e.type)))];
    this.declared.push({ consumer, types, handler });
  }

  /** Called once, at boot: later declarations would never be subscribed, so they fail. */
  seal(): readonly EventSubscription[] {
    this.sealed = true;
    return this.declared;
  }
}
