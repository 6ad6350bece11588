import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queueSettings } from '../queue/job-queue.js';
import { InvalidJobError, defineJob, defineSystemJob } from './job-definition.js';

describe('defineJob', () => {
  const Import = defineJob('crm.parties.import', z.strictObject({ fileId: z.uuid() }));

  it('validates payloads against its schema', () => {
    const fileId = '0190c7a4-7d1e-7c3a-9b2e-6f1d2a3b4c5d';
    expect(Import.validate({ fileId })).toEqual({ fileId });
    expect(() => Import.validate({ fileId: 'nope' })).toThrow(InvalidJobError);
    expect(() => Import.validate({ fileId, extra: 1 })).toThrow(InvalidJobError);
  });

  it('refuses names that are not <context>.<entity>.<verb>, and nonsense settings', () => {
    expect(() => defineJob('import', z.object({}))).toThrow(/not <context>/);
    expect(() => defineJob('crm.parties.import!', z.object({}))).toThrow(/not <context>/);
    expect(() => defineJob('crm.parties.x', z.object({}), { retryLimit: -1 })).toThrow(
      /retryLimit/,
    );
    expect(() => defineJob('crm.parties.x', z.object({}), { concurrency: 0 })).toThrow(
      /concurrency/,
    );
  });

  it('gives queues retries with backoff by default, and notifies workers', () => {
    expect(Import.scope).toBe('tenant');
    expect(queueSettings(Import)).toEqual({
      policy: 'standard',
      retryLimit: 3,
      retryDelay: 5,
      retryBackoff: true,
      retryDelayMax: 600,
      expireInSeconds: 900,
      deleteAfterSeconds: 604_800,
      notify: true,
    });
    const fixed = defineSystemJob('platform.keys.rotate', z.object({}), {
      cron: '0 4 * * *',
      retryBackoff: false,
      retryDelaySeconds: 30,
    });
    expect(fixed.scope).toBe('system');
    expect(queueSettings(fixed)).not.toHaveProperty('retryDelayMax');
    expect(queueSettings(fixed)).toMatchObject({ retryBackoff: false, retryDelay: 30 });
  });
});
