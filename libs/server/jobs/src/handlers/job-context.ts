import type { Tx } from '@nexo/db';

/** What a handler reports while it works; `GET /api/v1/jobs/:id` shows the last one. */
export interface JobProgress {
  done: number;
  total?: number;
  message?: string;
}

export interface JobContext {
  jobId: string;
  name: string;
  /** 1 on the first attempt. */
  attempt: number;
  /** The job's tenant; undefined for system jobs. */
  tenantId: string | undefined;
  /**
   * The job's transaction (also `Database.tx()`): the app role, in the job's tenant, with its
   * author's identity. Everything written here commits together with the job's completion, or
   * not at all; a retry starts over.
   */
  tx: Tx;
  /**
   * Stores progress at once, outside the job's transaction, so it is visible while the job
   * runs. Calls closer than a quarter of a second apart keep only the latest (stored with the
   * next call or at the end). A no-op for system jobs.
   */
  progress(progress: JobProgress): Promise<void>;
  /** Aborted when pg-boss gives up on the attempt (it expired) or the process stops. */
  signal: AbortSignal;
}

export type JobHandler<P = unknown, R = unknown> = (payload: P, context: JobContext) => Promise<R>;

/**
 * Thrown by a handler when retrying cannot help (the input is wrong, the record is gone): the
 * job fails at once and its message is shown to the tenant as is.
 */
export class PermanentJobError extends Error {
  constructor(
    message: string,
    readonly code = 'job_rejected',
  ) {
    super(message);
    this.name = 'PermanentJobError';
  }
}
