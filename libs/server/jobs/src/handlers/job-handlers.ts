import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { JobDefinition } from '../definitions/job-definition.js';
import type { JobHandler } from './job-context.js';

export interface JobRegistration {
  definition: JobDefinition;
  handler: JobHandler;
}

/**
 * Where contexts declare what runs their jobs (in a constructor or `onModuleInit`).
 * `JobsModule` creates every declared job's queue when the application boots, and in processes
 * that do background work (`NEXO_ROLE` all or worker) starts a pg-boss worker for each and the
 * cron schedules of system jobs.
 */
@Injectable()
export class JobHandlers {
  private readonly declared = new Map<string, JobRegistration>();
  private sealed = false;

  handle<S extends z.ZodType, R>(
    definition: JobDefinition<S>,
    handler: JobHandler<z.output<S>, R>,
  ): void {
    if (this.sealed)
      throw new Error(
        `The handler of job "${definition.name}" was declared after the application booted`,
      );
    if (this.declared.has(definition.name))
      throw new Error(`Job "${definition.name}" has two handlers`);
    this.declared.set(definition.name, {
      definition,
      handler: handler as JobHandler,
    });
  }

  /** Called once, at boot: later declarations would never run, so they fail. */
  seal(): readonly JobRegistration[] {
    this.sealed = true;
    return [...this.declared.values()];
  }
}
