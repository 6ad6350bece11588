import { ErrorCode } from '@nexo/contracts';
import { DomainError, type Logger } from '@nexo/platform';
import { PgBoss, type Queue, type SendOptions } from 'pg-boss';
import type { JobDefinition } from '../definitions/job-definition.js';

/**
 * How often pg-boss tries to start before giving up: 1 s, doubling to 30 s between tries, so
 * a database that is down keeps the queue waiting for hours, not the process from booting.
 */
const START_ATTEMPTS = 1_000;
/** How long an enqueue waits for a queue that is still starting before answering 503. */
const READY_WAIT_MS = 10_000;

const unavailable = (): DomainError =>
  new DomainError(ErrorCode.ServiceUnavailable, 'The job queue is not available yet');

/** pg-boss's schema, installed by migration 0019. */
export const PGBOSS_SCHEMA = 'pgboss';

export interface JobQueueConfig {
  /** The worker role's URL (`nexo_worker`). */
  url: string;
  /** Background work here (`NEXO_ROLE` all or worker): maintenance, cron and LISTEN. */
  background: boolean;
  poolMax?: number;
  logger: Pick<Logger, 'warn' | 'error'>;
}

/** The queue settings of a definition, as pg-boss names them. */
export function queueSettings(definition: JobDefinition): Omit<Queue, 'name'> {
  const o = definition.options;
  return {
    policy: o.policy ?? 'standard',
    retryLimit: o.retryLimit ?? 3,
    retryDelay: o.retryDelaySeconds ?? 5,
    retryBackoff: o.retryBackoff ?? true,
    // pg-boss accepts a cap only on backed-off delays.
    ...((o.retryBackoff ?? true) ? { retryDelayMax: o.retryDelayMaxSeconds ?? 600 } : {}),
    expireInSeconds: o.expireInSeconds ?? 900,
    deleteAfterSeconds: o.deleteAfterSeconds ?? 7 * 86_400,
    // A committed job wakes the workers of every process at once (NOTIFY in its transaction);
    // polling stays as the floor for delayed jobs, retries and lost notifications.
    notify: true,
  };
}

/**
 * One pg-boss instance, connected as the worker role. Every process has one, since enqueuing
 * needs the queues' settings; only background processes run its maintenance (expiry of
 * stuck attempts, retention), its cron clock and its LISTEN connection. It never migrates: the
 * schema comes from NEXO's migrations, and pg-boss refuses to start on another version.
 */
export class JobQueue {
  readonly boss: PgBoss;
  private readonly created = new Map<string, Promise<void>>();
  private ready: Promise<void> | undefined;

  constructor(private readonly config: JobQueueConfig) {
    this.boss = new PgBoss({
      connectionString: config.url,
      schema: PGBOSS_SCHEMA,
      max: config.poolMax ?? 4,
      application_name: 'nexo-jobs',
      migrate: false,
      createSchema: false,
      supervise: config.background,
      schedule: config.background,
      useListenNotify: config.background,
      // Index rebuilds are DDL, and the worker role owns no index: left to operators.
      reindex: false,
      persistWarnings: false,
      persistQueueStats: false,
      instanceName: config.background ? 'nexo-worker' : 'nexo-api',
      openTelemetry: { enabled: false },
    });
    // pg-boss reports background failures as events; an EventEmitter without an `error`
    // listener would throw them instead.
    this.boss.on('error', (err) => config.logger.error({ err }, 'job queue error'));
    this.boss.on('warning', (warning) =>
      config.logger.warn({ data: warning.data }, `job queue: ${warning.message}`),
    );
  }

  /**
   * Starts pg-boss in the background, then `afterStart` (workers, schedules): a database that
   * is not reachable yet delays the queue, not the application's boot. Failures are logged;
   * enqueuing fails with 503 until the queue is up.
   */
  startInBackground(afterStart: () => Promise<void>): void {
    this.ready ??= (async () => {
      await this.boss.start({ attempts: START_ATTEMPTS });
      try {
        await afterStart();
      } catch (error) {
        // Half started (an unsafe role, a queue it cannot create): run nothing at all.
        await this.boss.stop({ graceful: false, close: true }).catch(() => undefined);
        throw error;
      }
    })();
    this.ready.catch((err: unknown) =>
      this.config.logger.error({ err }, 'the job queue did not start'),
    );
  }

  /** Resolves once started; a 503 `DomainError` if it failed or takes too long. */
  async whenReady(timeoutMs = READY_WAIT_MS): Promise<void> {
    if (!this.ready) throw unavailable();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.ready,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(unavailable()), timeoutMs);
        }),
      ]);
    } catch {
      throw unavailable();
    } finally {
      clearTimeout(timer);
    }
  }

  /** Before enqueuing: the definition's queue, once the queue is up (a 503 if it is not). */
  async ensureQueue(definition: JobDefinition): Promise<void> {
    await this.whenReady();
    await this.createQueue(definition);
  }

  /**
   * Creates the definition's queue once per process (a no-op where it exists) and brings its
   * retry and retention settings up to date; jobs copy them when enqueued. Needs pg-boss
   * started.
   */
  createQueue(definition: JobDefinition): Promise<void> {
    let created = this.created.get(definition.name);
    if (!created) {
      const { policy, ...settings } = queueSettings(definition);
      created = (async () => {
        await this.boss.createQueue(definition.name, { policy, ...settings });
        await this.boss.updateQueue(definition.name, settings);
      })();
      created.catch(() => this.created.delete(definition.name));
      this.created.set(definition.name, created);
    }
    return created;
  }

  async send(name: string, data: object, options: SendOptions): Promise<string | null> {
    await this.whenReady();
    return this.boss.send(name, data, options);
  }

  /**
   * Graceful: running handlers get `timeoutMs` to finish, then their attempts are failed. A
   * start still retrying gives up.
   */
  async stop(timeoutMs: number): Promise<void> {
    await this.boss.stop({ graceful: true, close: true, timeout: timeoutMs });
    await this.ready?.catch(() => undefined);
  }
}
