import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ReorderSuggestion } from '@nexo/contracts/inventory';
import { Database } from '@nexo/db';
import { EventOutbox } from '@nexo/events';
import { JobHandlers, Jobs } from '@nexo/jobs';
import { APP_LOGGER, type Logger } from '@nexo/platform';
import { ReorderSuggested } from '../inventory.events.js';
import { ReorderRuleRepository } from './reorder-rule.repository.js';
import { ReorderRuleService } from './reorder-rule.service.js';
import { SuggestReordersJob, scheduleReorders } from './reorder-schedule.js';

/** One event per warehouse with suggestions, in the job's transaction. */
export function suggestionEvents(suggestions: readonly ReorderSuggestion[], on: string) {
  const byWarehouse = new Map<string, ReorderSuggestion[]>();
  for (const s of suggestions)
    byWarehouse.set(s.warehouseId, [...(byWarehouse.get(s.warehouseId) ?? []), s]);
  return [...byWarehouse].map(([warehouseId, list]) =>
    ReorderSuggested.of(warehouseId, {
      warehouseId,
      on,
      suggestions: list.map(({ warehouseId: _w, ...s }) => s),
    }),
  );
}

/** The daily run's handler: the company's suggestions, published in the outbox. */
@Injectable()
export class ReorderSuggestionsJob implements OnModuleInit {
  constructor(
    @Inject(Jobs) private readonly jobs: Jobs,
    @Inject(JobHandlers) private readonly handlers: JobHandlers,
    @Inject(Database) private readonly database: Database,
    @Inject(ReorderRuleService) private readonly rules: ReorderRuleService,
    @Inject(ReorderRuleRepository) private readonly records: ReorderRuleRepository,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.handlers.handle(SuggestReordersJob, () => this.run());
  }

  /** Computes the company's suggestions, publishes them and queues tomorrow's run. */
  async run(now = new Date()): Promise<{ suggestions: number; warehouses: number }> {
    const tenantId = this.database.settings().tenantId;
    if (!tenantId) throw new Error('The reorder job runs in a company');
    const suggestions = await this.rules.suggest(tenantId);
    const events = suggestionEvents(suggestions, now.toISOString().slice(0, 10));
    await this.outbox.publishAll(events);
    if (await this.records.anyRule(tenantId)) await scheduleReorders(this.jobs, now);
    this.logger.info(
      { tenantId, suggestions: suggestions.length, warehouses: events.length },
      'inventory: reorder suggestions published',
    );
    return { suggestions: suggestions.length, warehouses: events.length };
  }
}
