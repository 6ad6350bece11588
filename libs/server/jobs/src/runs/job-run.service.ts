import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DomainError, RECORD_ACCESS, type RecordAccess } from '@nexo/platform';
import type { JobRunState } from '../db/jobs.tables.js';
import type { JobProgress } from '../handlers/job-context.js';
import { JobRunRepository, type JobRunError } from './job-run.repository.js';

/** A job as `GET /api/v1/jobs/:id` shows it. */
export interface JobRunView {
  id: string;
  name: string;
  state: JobRunState;
  attempts: number;
  progress: JobProgress | null;
  result: unknown;
  error: JobRunError | null;
  runAfter: Date;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

@Injectable()
export class JobRunService {
  private access: RecordAccess | undefined;

  constructor(
    @Inject(JobRunRepository) private readonly runs: JobRunRepository,
    @Inject(ModuleRef) private readonly modules: ModuleRef,
  ) {}

  /** One run of the caller's tenant (RLS), if the caller may read it; else not found. */
  async get(id: string): Promise<JobRunView> {
    const run = await this.runs.findById(id);
    if (!run) throw DomainError.notFound('Job');
    // The permission engine sits above this library: reached through its hook.
    this.access ??= this.modules.get<RecordAccess>(RECORD_ACCESS, { strict: false });
    await this.access.assertCan('read', 'jobs.run', run);
    return {
      id: run.id,
      name: run.name,
      state: run.state,
      attempts: run.attempts,
      progress: (run.progress as JobProgress | null) ?? null,
      result: run.result ?? null,
      error: (run.error as JobRunError | null) ?? null,
      runAfter: run.runAfter,
      createdAt: run.createdAt,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
    };
  }
}
