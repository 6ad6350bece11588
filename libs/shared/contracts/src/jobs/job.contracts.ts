import { z } from 'zod';
import { defineRoute, permission } from '../http/route-contract.js';

export const JOB_RUN_STATES = ['queued', 'active', 'retry', 'completed', 'failed'] as const;

/** A background job as its tenant sees it: state, progress, outcome. */
export const JobRunSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    state: z.enum(JOB_RUN_STATES),
    attempts: z.number().int(),
    progress: z
      .object({ done: z.number(), total: z.number().optional(), message: z.string().optional() })
      .nullable(),
    result: z.unknown(),
    error: z
      .object({ code: z.string(), message: z.string(), errorId: z.string().optional() })
      .nullable(),
    runAfter: z.date(),
    createdAt: z.date(),
    startedAt: z.date().nullable(),
    finishedAt: z.date().nullable(),
  })
  .meta({ id: 'JobRun' });

export const JobRoutes = {
  get: defineRoute({
    method: 'GET',
    path: '/api/v1/jobs/:id',
    operationId: 'getJob',
    summary: "A background job's state, progress and outcome (an import, an export)",
    tag: 'jobs',
    access: permission('read', 'jobs.run'),
    params: z.object({ id: z.uuid() }),
    status: 200,
    response: JobRunSchema,
  }),
} as const;
