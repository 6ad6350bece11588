import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Database, PRINCIPAL_VERIFIER, runPrincipalCheck, type PrincipalVerifier } from '@nexo/db';
import {
  ACTORS,
  APP_LOGGER,
  DomainError,
  requestContext,
  type Actor,
  type Logger,
  type Principal,
} from '@nexo/platform';
import { sql } from 'drizzle-orm';
import type { JobResult, JobWithMetadata } from 'pg-boss';
import { InvalidJobError } from '../definitions/job-definition.js';
import { JobEnvelopeSchema, type JobEnvelope } from '../definitions/job-envelope.js';
import { PermanentJobError, type JobContext, type JobProgress } from '../handlers/job-context.js';
import type { JobRegistration } from '../handlers/job-handlers.js';
import { JobRunRepository, type JobRunError } from '../runs/job-run.repository.js';

/** Advisory locks of job ids use the two-key form in this space (events use 727_002). */
const JOB_LOCK_SPACE = 727_003;
/** Progress calls closer together than this keep only the latest. */
const PROGRESS_INTERVAL_MS = 250;

interface Failure {
  error: JobRunError;
  /** Retrying cannot help: fail now, whatever attempts remain. */
  permanent: boolean;
}

/** Progress of one attempt: stored at once, at most every `PROGRESS_INTERVAL_MS`. */
class ProgressReporter {
  latest: JobProgress | undefined;
  private writtenAt = 0;

  constructor(private readonly write: ((p: JobProgress) => Promise<void>) | undefined) {}

  async report(progress: JobProgress): Promise<void> {
    if (!Number.isFinite(progress.done) || progress.done < 0)
      throw new TypeError('progress.done must be a number of 0 or more');
    this.latest = { ...progress };
    if (!this.write || Date.now() - this.writtenAt < PROGRESS_INTERVAL_MS) return;
    this.writtenAt = Date.now();
    await this.write(this.latest);
  }
}

/**
 * Runs one pg-boss job through its handler. A tenant job runs as the app role in one
 * `Database.withContext` transaction of its tenant, with its author's identity (`app.user_id`,
 * `app.actor`, `app.party_id`, and the principal in the request context), so RLS and audit
 * apply as in the request that enqueued it. The author is first re-checked like a request's
 * principal (user and membership still active): a job of someone who lost access fails.
 *
 * Exactly-once effect: the transaction takes a lock on the job id and checks the run first; a
 * repeat of an attempt that committed (pg-boss had not yet recorded it when the process died,
 * or an expired attempt overlapping its retry) finds it completed and does nothing. The run's
 * completion commits with the handler's writes; its `active`, progress and failure are written
 * outside, so they show while the job runs and survive its rollback.
 */
@Injectable()
export class JobRunner {
  private verifier: PrincipalVerifier | undefined;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(JobRunRepository) private readonly runs: JobRunRepository,
    @Inject(ModuleRef) private readonly modules: ModuleRef,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async run(registration: JobRegistration, job: JobWithMetadata<unknown>): Promise<JobResult> {
    const parsed = JobEnvelopeSchema.safeParse(job.data);
    if (!parsed.success) {
      this.logger.error({ jobId: job.id, job: job.name }, 'job data is not a NEXO job envelope');
      return { id: job.id, status: 'deadletter', output: { code: 'invalid_envelope' } };
    }
    const envelope = parsed.data;
    if (registration.definition.scope === 'tenant') {
      if (!envelope.tenantId) {
        this.logger.error({ jobId: job.id, job: job.name }, 'tenant job without a tenant');
        return { id: job.id, status: 'deadletter', output: { code: 'invalid_envelope' } };
      }
      return this.runTenantJob(registration, job, envelope, envelope.tenantId);
    }
    return this.runSystemJob(registration, job, envelope);
  }

  private principalOf(envelope: JobEnvelope, tenantId: string): Principal | undefined {
    const { userId, membershipId, actor } = envelope;
    if (!userId || !membershipId || !ACTORS.includes(actor as Actor)) return undefined;
    return {
      userId,
      tenantId,
      actor: actor as Actor,
      membershipId,
      ...(envelope.partyId ? { partyId: envelope.partyId } : {}),
      roles: [],
      // Sessions and token issue times belong to requests: a job outlives both. What is
      // re-checked is that user and membership are still active (roles are read afresh).
      issuedAt: Math.floor(Date.now() / 1000),
    };
  }

  private async runTenantJob(
    { definition, handler }: JobRegistration,
    job: JobWithMetadata<unknown>,
    envelope: JobEnvelope,
    tenantId: string,
  ): Promise<JobResult> {
    const attempt = job.retryCount + 1;
    const principal = this.principalOf(envelope, tenantId);
    const requestId = envelope.requestId ?? `job-${job.id}`;
    return requestContext.run({ requestId, ...(principal ? { principal } : {}) }, async () => {
      const tracked = await this.runs.markActive(tenantId, job.id, attempt);
      const progress = new ProgressReporter(
        tracked ? (p) => this.runs.setProgress(tenantId, job.id, p) : undefined,
      );
      try {
        await this.database.withContext(
          {
            tenantId,
            ...(envelope.userId ? { userId: envelope.userId } : {}),
            ...(envelope.actor ? { actor: envelope.actor } : {}),
            ...(envelope.partyId ? { partyId: envelope.partyId } : {}),
          },
          async (tx) => {
            await tx.execute(
              sql`select pg_advisory_xact_lock(${JOB_LOCK_SPACE}, hashtext(${job.id}))`,
            );
            if ((await this.runs.stateOf(job.id)) === 'completed') return;
            if (principal) await this.verifyAuthor(principal);
            const payload = definition.validate(envelope.payload);
            const context: JobContext = {
              jobId: job.id,
              name: job.name,
              attempt,
              tenantId,
              tx,
              progress: (p) => progress.report(p),
              signal: job.signal,
            };
            const result = await handler(payload, context);
            if (tracked) await this.runs.complete(job.id, result, progress.latest);
          },
        );
        return { id: job.id, status: 'completed' };
      } catch (error) {
        const failure = this.describe(error, job);
        const final = failure.permanent || job.retryCount >= job.retryLimit;
        if (tracked)
          await this.runs
            .fail(tenantId, job.id, failure.error, final, progress.latest)
            .catch((err: unknown) =>
              this.logger.error({ err, jobId: job.id }, 'cannot record a job failure'),
            );
        return {
          id: job.id,
          status: failure.permanent ? 'deadletter' : 'failed',
          output: failure.error,
        };
      }
    });
  }

  private async runSystemJob(
    { definition, handler }: JobRegistration,
    job: JobWithMetadata<unknown>,
    envelope: JobEnvelope,
  ): Promise<JobResult> {
    const requestId = envelope.requestId ?? `job-${job.id}`;
    return requestContext.run({ requestId }, async () => {
      try {
        await this.database.withContext({ actor: 'system' }, async (tx) => {
          const payload = definition.validate(envelope.payload);
          await handler(payload, {
            jobId: job.id,
            name: job.name,
            attempt: job.retryCount + 1,
            tenantId: undefined,
            tx,
            progress: () => Promise.resolve(),
            signal: job.signal,
          });
        });
        return { id: job.id, status: 'completed' };
      } catch (error) {
        const failure = this.describe(error, job);
        return {
          id: job.id,
          status: failure.permanent ? 'deadletter' : 'failed',
          output: failure.error,
        };
      }
    });
  }

  /** Like the request path: auth provides the check; without it a job fails rather than run unchecked. */
  private async verifyAuthor(principal: Principal): Promise<void> {
    this.verifier ??= this.modules.get<PrincipalVerifier>(PRINCIPAL_VERIFIER, { strict: false });
    try {
      await runPrincipalCheck(this.database.tx(), this.verifier.check(principal, { eager: true }));
    } catch (error) {
      if (error instanceof DomainError)
        throw new PermanentJobError(
          'The person who started this job no longer has access',
          'author_revoked',
        );
      throw error;
    }
  }

  /** What the tenant sees of a failure: our own messages as they are, anything else by id only. */
  private describe(error: unknown, job: JobWithMetadata<unknown>): Failure {
    if (error instanceof PermanentJobError)
      return { error: { code: error.code, message: error.message }, permanent: true };
    if (error instanceof InvalidJobError)
      return { error: { code: 'invalid_payload', message: error.message }, permanent: true };
    if (error instanceof DomainError)
      return { error: { code: error.code, message: error.message }, permanent: true };
    const errorId = randomUUID();
    this.logger.error(
      { err: error, errorId, jobId: job.id, job: job.name, attempt: job.retryCount + 1 },
      'job attempt failed',
    );
    return {
      error: {
        code: 'job_failed',
        message: 'The job failed; it is retried if attempts remain',
        errorId,
      },
      permanent: false,
    };
  }
}
