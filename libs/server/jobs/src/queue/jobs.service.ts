import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { requestContext } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import { fromDrizzle } from 'pg-boss';
import type { z } from 'zod';
import type { JobDefinition } from '../definitions/job-definition.js';
import type { JobEnvelope } from '../definitions/job-envelope.js';
import { JobRunRepository } from '../runs/job-run.repository.js';
import { JobQueue } from './job-queue.js';

export interface EnqueueOptions {
  /** Not before this time, or this many seconds from now. */
  startAfter?: Date | number;
  /** Overrides the definition's retry limit for this job. */
  retryLimit?: number;
  /**
   * Deduplicates within the tenant as the definition's queue policy says (`short`: one queued
   * job per key; `singleton`: one running; with `singletonSeconds`: one per time slot).
   * Keys are scoped to the tenant: another tenant's job never blocks this one.
   */
  singletonKey?: string;
  singletonSeconds?: number;
  /** Higher runs first. Default 0. */
  priority?: number;
}

export class NoTenantTransactionError extends Error {
  constructor() {
    super('Jobs.enqueue runs inside Database.withContext() with a tenant');
    this.name = 'NoTenantTransactionError';
  }
}

/**
 * Enqueues jobs. A tenant job is written in the caller's transaction, both the pg-boss job
 * (pg-boss's `send` on the transaction's connection) and its `jobs.runs` row: it exists exactly
 * when the caller commits, and a request that fails leaves no job behind. It carries the
 * transaction's tenant and the identity of the request's principal, which the worker runs it
 * with (and re-checks) later.
 */
@Injectable()
export class Jobs {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(JobRunRepository) private readonly runs: JobRunRepository,
  ) {}

  /**
   * Resolves to the job's id, or null when the queue's policy dropped it as a duplicate
   * (`singletonKey`). The id is also the run's, for `GET /api/v1/jobs/:id`.
   */
  async enqueue<S extends z.ZodType>(
    definition: JobDefinition<S>,
    payload: z.input<S>,
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    if (definition.scope !== 'tenant')
      throw new Error(`Job ${definition.name} is a system job: use Jobs.sendSystem`);
    const data = definition.validate(payload);
    const tx = this.database.tx();
    // The transaction's own settings: the job runs as the one who asked for it.
    const settings = this.database.settings();
    const tenantId = settings.tenantId;
    if (!tenantId) throw new NoTenantTransactionError();
    const userId = settings.userId || null;
    const context = requestContext.get();
    const principal = context?.principal;
    // The membership is only known from the principal, and only if it is the transaction's.
    const membershipId =
      principal && principal.tenantId === tenantId && principal.userId === userId
        ? principal.membershipId
        : null;
    const envelope: JobEnvelope = {
      v: 1,
      tenantId,
      userId,
      actor: settings.actor || null,
      membershipId,
      partyId: settings.partyId || null,
      requestId: context?.requestId ?? null,
      payload: data,
    };
    await this.queue.ensureQueue(definition);
    const id = newId();
    const sent = await this.queue.send(definition.name, envelope, {
      id,
      db: fromDrizzle(tx, sql),
      ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
      ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
      ...(options.singletonKey !== undefined
        ? { singletonKey: `${tenantId}:${options.singletonKey}` }
        : {}),
      ...(options.singletonSeconds !== undefined
        ? { singletonSeconds: options.singletonSeconds }
        : {}),
      ...(options.priority !== undefined ? { priority: options.priority } : {}),
    });
    if (!sent) return null;
    await this.runs.insertQueued({
      tenantId,
      id,
      name: definition.name,
      createdBy: userId,
      requestId: envelope.requestId,
      startAfter: options.startAfter,
    });
    return id;
  }

  /**
   * Sends a system job now, as the worker role, outside any tenant transaction (a schedule
   * sends them by itself). For operators' tools and tests.
   */
  async sendSystem<S extends z.ZodType>(
    definition: JobDefinition<S>,
    payload: z.input<S>,
  ): Promise<string | null> {
    if (definition.scope !== 'system')
      throw new Error(`Job ${definition.name} is a tenant job: use Jobs.enqueue`);
    const envelope: JobEnvelope = {
      v: 1,
      tenantId: null,
      userId: null,
      actor: null,
      membershipId: null,
      partyId: null,
      requestId: requestContext.get()?.requestId ?? null,
      payload: definition.validate(payload),
    };
    await this.queue.ensureQueue(definition);
    return this.queue.send(definition.name, envelope, { id: newId() });
  }
}
