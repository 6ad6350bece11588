import { defineJob, type Jobs } from '@nexo/jobs';
import { z } from 'zod';

/**
 * The company's reorder suggestions, once a day. A tenant job (RLS shows a system job no
 * company), queued when a rule is written and queuing its own next run: one queued run per
 * company at a time (`short` policy, one key), none once the company has no rules left.
 */
export const SuggestReordersJob = defineJob('inventory.reorder.suggest', z.strictObject({}), {
  policy: 'short',
  retryLimit: 3,
});

/** 06:00 UTC, before a buyer's day starts in the Americas and Europe. */
export const SUGGESTION_HOUR_UTC = 6;
const SINGLETON = 'daily';

/** The next run after `now`: today at the hour if still ahead, else tomorrow's. */
export function nextRunAfter(now: Date): Date {
  const next = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), SUGGESTION_HOUR_UTC),
  );
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/**
 * Queues the company's next daily run unless one is queued already (in the caller's
 * transaction: a rule's write, or the run itself). The job id, or null when one was queued.
 */
export function scheduleReorders(jobs: Pick<Jobs, 'enqueue'>, now = new Date()) {
  return jobs.enqueue(
    SuggestReordersJob,
    {},
    { startAfter: nextRunAfter(now), singletonKey: SINGLETON },
  );
}
