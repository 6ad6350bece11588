import { type z } from 'zod';

/**
 * `<context>.<entity>.<verb>` in lower case, like event types (`crm.parties.import`). Also the
 * pg-boss queue name, so nothing here may contain characters a queue name cannot.
 */
export const JOB_NAME_PATTERN = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

/** How pg-boss lets jobs of one name share the queue; see its docs. `standard` unless said. */
export const JOB_POLICIES = ['standard', 'short', 'singleton', 'stately', 'exclusive'] as const;
export type JobPolicy = (typeof JOB_POLICIES)[number];

/** Settings of a job's queue; every job of the name inherits them unless `enqueue` overrides. */
export interface JobQueueOptions {
  /** Attempts after the first one before the job fails for good. Default 3. */
  retryLimit?: number;
  /** Seconds before the first retry. Default 5. */
  retryDelaySeconds?: number;
  /** Exponential backoff from `retryDelaySeconds` (with jitter). Default true. */
  retryBackoff?: boolean;
  /** Cap on a backed-off delay, in seconds. Default 600. */
  retryDelayMaxSeconds?: number;
  /** An attempt still running after this is failed (and retried). Default 900. */
  expireInSeconds?: number;
  /** How long a finished job stays in the queue's table. Default 7 days. */
  deleteAfterSeconds?: number;
  policy?: JobPolicy;
  /** Jobs of this name one process runs at once. Default 1. */
  concurrency?: number;
}

export interface SystemJobOptions extends JobQueueOptions {
  /** Five-field cron expression (UTC unless `timezone`): pg-boss sends the job on it. */
  cron?: string;
  timezone?: string;
}

export type JobScope = 'tenant' | 'system';

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  /**
   * `tenant`: enqueued from a tenant's transaction, run as the app role in that tenant (with
   * its author's identity), tracked in `jobs.runs`. `system`: the platform's own chores, sent by
   * a schedule or by the platform, run with no tenant (RLS then shows no tenant's rows).
   */
  readonly scope: JobScope;
  /** Payloads are stored as JSON: schemas describe JSON values (ISO strings, not `Date`s). */
  readonly schema: S;
  readonly options: Readonly<SystemJobOptions>;
  /** The payload as stored, or `InvalidJobError`. */
  validate(payload: unknown): z.output<S>;
}

export class InvalidJobError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'InvalidJobError';
  }
}

function assertPositiveInt(name: string, field: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0))
    throw new InvalidJobError(`Job ${name}: ${field} must be a whole number of 0 or more`);
}

function define<S extends z.ZodType>(
  scope: JobScope,
  name: string,
  schema: S,
  options: SystemJobOptions,
): JobDefinition<S> {
  if (!JOB_NAME_PATTERN.test(name))
    throw new InvalidJobError(`Job name "${name}" is not <context>.<entity>.<verb>`);
  for (const field of [
    'retryLimit',
    'retryDelaySeconds',
    'retryDelayMaxSeconds',
    'expireInSeconds',
    'deleteAfterSeconds',
  ] as const)
    assertPositiveInt(name, field, options[field]);
  if (
    options.concurrency !== undefined &&
    (!Number.isInteger(options.concurrency) || options.concurrency < 1)
  )
    throw new InvalidJobError(`Job ${name}: concurrency must be a whole number of 1 or more`);
  return {
    name,
    scope,
    schema,
    options: Object.freeze({ ...options }),
    validate(payload) {
      const parsed = schema.safeParse(payload);
      if (!parsed.success)
        throw new InvalidJobError(`Invalid payload for job ${name}`, { cause: parsed.error });
      return parsed.data;
    },
  };
}

/**
 * Declares a tenant job: `defineJob('crm.parties.import', z.strictObject({...}), { retryLimit: 2 })`.
 * Kept next to the code that enqueues it; the owning context registers its handler with
 * `JobHandlers.handle`. A breaking payload change is a new name (jobs already queued keep theirs).
 */
export function defineJob<S extends z.ZodType>(
  name: string,
  schema: S,
  options: JobQueueOptions = {},
): JobDefinition<S> {
  return define('tenant', name, schema, options);
}

/**
 * Declares a platform job that belongs to no tenant, optionally on a cron schedule:
 * `defineSystemJob('platform.idempotency.prune', z.strictObject({}), { cron: '17 3 * * *' })`.
 * A scheduled job's payload must accept `{}`: that is what the schedule sends.
 */
export function defineSystemJob<S extends z.ZodType>(
  name: string,
  schema: S,
  options: SystemJobOptions = {},
): JobDefinition<S> {
  return define('system', name, schema, options);
}
