import {
  Inject,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Database, assertRoleCannotBypassRls, workerRoleUrl } from '@nexo/db';
import {
  APP_CONFIG,
  APP_LOGGER,
  MetricsService,
  type AppConfig,
  type Logger,
} from '@nexo/platform';
import type { JobWithMetadata } from 'pg-boss';
import type { JobEnvelope } from './definitions/job-envelope.js';
import { JobHandlers, type JobRegistration } from './handlers/job-handlers.js';
import { registerJobMetrics } from './metrics/job-metrics.js';
import { JobQueue } from './queue/job-queue.js';
import { Jobs } from './queue/jobs.service.js';
import { JobRunController } from './runs/job-run.controller.js';
import { JobRunRepository } from './runs/job-run.repository.js';
import { JobRunService } from './runs/job-run.service.js';
import { JobRunRetention } from './retention/job-run-retention.service.js';
import { JobRunner } from './worker/job-runner.js';

export interface JobsModuleOptions {
  /** The worker role's URL; by default the app pool's URL with the worker role's name. */
  workerUrl?: string | undefined;
  /** How often an idle worker looks for due jobs (delayed ones, retries), in seconds (≥ 0.5). Default 2. */
  pollingIntervalSeconds?: number;
  /** Connections of pg-boss's own pool. Default 4. */
  poolMax?: number;
  /** How long shutdown waits for running jobs, in ms. Default half of `NEXO_SHUTDOWN_TIMEOUT_MS`. */
  stopTimeoutMs?: number;
}

export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

/** The worker role shares the app role's password (bootstrap-roles), so only the name changes. */
function workerUrlFromAppPool(database: Database): string {
  const appUrl = database.pool.options.connectionString;
  if (!appUrl) throw new Error('JobsModule needs workerUrl: the app pool has no connection string');
  return workerRoleUrl(appUrl, decodeURIComponent(new URL(appUrl).password));
}

/**
 * The job queue (pg-boss as `nexo_worker`), `Jobs` to enqueue, `JobHandlers` to declare what
 * runs them, and `GET /api/v1/jobs/:id`. Once pg-boss is up (in the background, so a database
 * that is still starting does not fail the boot) every process creates the declared jobs'
 * queues; those doing background work (`NEXO_ROLE` all or worker) also start a worker per
 * declared job, the cron schedules of system jobs and the queue gauges. Before shutdown it stops
 * the workers (running jobs get `stopTimeoutMs` to finish), so no handler is still running when
 * the app pool closes.
 */
@Module({})
export class JobsModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(JOBS_OPTIONS) private readonly options: JobsModuleOptions,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(JobHandlers) private readonly handlers: JobHandlers,
    @Inject(JobRunner) private readonly runner: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {}

  static forRoot(options: JobsModuleOptions = {}): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      controllers: [JobRunController],
      providers: [
        { provide: JOBS_OPTIONS, useValue: options },
        {
          provide: JobQueue,
          inject: [Database, APP_CONFIG, APP_LOGGER],
          useFactory: (database: Database, config: AppConfig, logger: Logger): JobQueue =>
            new JobQueue({
              url: options.workerUrl ?? workerUrlFromAppPool(database),
              background: config.NEXO_ROLE !== 'api',
              ...(options.poolMax ? { poolMax: options.poolMax } : {}),
              logger,
            }),
        },
        Jobs,
        JobHandlers,
        JobRunner,
        JobRunRepository,
        JobRunService,
        JobRunRetention,
      ],
      exports: [Jobs, JobHandlers, JobRunRetention],
    };
  }

  onApplicationBootstrap(): void {
    const declared = this.handlers.seal();
    this.queue.startInBackground(() => this.boot(declared));
  }

  /** Once pg-boss has started: check its role, create the queues, start workers and schedules. */
  private async boot(declared: readonly JobRegistration[]): Promise<void> {
    const db = this.queue.boss.getDb();
    // Before any job moves: a worker role that could bypass RLS would see every tenant.
    await assertRoleCannotBypassRls({ query: (text) => db.executeSql(text) });
    for (const { definition } of declared) await this.queue.createQueue(definition);
    if (this.config.NEXO_ROLE === 'api') return;
    registerJobMetrics(
      this.metrics.registry,
      this.queue,
      () => declared.map((r) => r.definition.name),
      this.logger,
    );
    for (const registration of declared) await this.work(registration);
    for (const { definition } of declared) {
      if (definition.scope !== 'system' || !definition.options.cron) continue;
      const data: JobEnvelope = {
        v: 1,
        tenantId: null,
        userId: null,
        actor: null,
        membershipId: null,
        partyId: null,
        requestId: null,
        payload: definition.validate({}),
      };
      await this.queue.boss.schedule(definition.name, definition.options.cron, data, {
        tz: definition.options.timezone ?? 'UTC',
      });
    }
  }

  private async work(registration: JobRegistration): Promise<void> {
    const polling = this.options.pollingIntervalSeconds ?? 2;
    await this.queue.boss.work(
      registration.definition.name,
      {
        batchSize: 1,
        includeMetadata: true,
        perJobResults: true,
        localConcurrency: registration.definition.options.concurrency ?? 1,
        pollingIntervalSeconds: polling,
        // NOTIFY wakes workers for jobs due now; delayed jobs and retries come due later and
        // are found by polling, which must not relax to pg-boss's 30 s when NOTIFY is active.
        notifyPollingIntervalSeconds: polling,
      },
      async ([job]: JobWithMetadata<unknown>[]) =>
        job ? [await this.runner.run(registration, job)] : [],
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.stop(this.options.stopTimeoutMs ?? this.config.NEXO_SHUTDOWN_TIMEOUT_MS / 2);
  }
}
