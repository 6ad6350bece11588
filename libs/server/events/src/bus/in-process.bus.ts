import type { EventEnvelope } from '../definitions/event-definition.js';
import { assertConsumerName, type EventBus, type EventHandler } from './event-bus.js';

interface Subscription {
  consumer: string;
  types: ReadonlySet<string>;
  handler: EventHandler;
}

/**
 * The default bus: the relay calls each subscriber directly, one event at a time, in the
 * relay's order. A handler that throws fails the publish, so the relay keeps that event
 * unpublished and retries it; subscribers that already applied it skip the repeat through
 * their consumed records. Nothing is stored here: a subscriber sees the events relayed while
 * it is subscribed, so subscribe before the relay starts (`EventsModule` does).
 */
export class InProcessBus implements EventBus {
  private readonly subscriptions: Subscription[] = [];
  private closed = false;

  publish(event: EventEnvelope): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The in-process event bus is closed'));
    return this.deliver(event);
  }

  private async deliver(event: EventEnvelope): Promise<void> {
    for (const subscription of this.subscriptions) {
      if (subscription.types.has(event.type)) await subscription.handler(event);
    }
  }

  subscribe(consumer: string, types: readonly string[], handler: EventHandler): Promise<void> {
    assertConsumerName(consumer);
    if (this.subscriptions.some((s) => s.consumer === consumer))
      return Promise.reject(new Error(`Consumer "${consumer}" is already subscribed`));
    this.subscriptions.push({ consumer, types: new Set(types), handler });
    return Promise.resolve();
  }

  ping(): Promise<void> {
    return this.closed ? Promise.reject(new Error('closed')) : Promise.resolve();
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}
