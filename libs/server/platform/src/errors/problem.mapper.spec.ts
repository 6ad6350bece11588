import { ErrorCode } from '@nexo/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from './domain-error.js';
import { mapError } from './problem.mapper.js';

describe('mapError', () => {
  it('maps a domain error to its status and keeps its message', () => {
    const mapped = mapError(DomainError.notFound('Tenant'));
    expect(mapped.problem).toMatchObject({
      status: 404,
      code: 'not_found',
      detail: 'Tenant not found',
    });
    expect(mapped.unexpected).toBe(false);
  });

  it('lists the field issues of a zod error', () => {
    const result = z.object({ name: z.string(), age: z.number() }).safeParse({ age: 'x' });
    const mapped = mapError(result.error);
    expect(mapped.problem.status).toBe(400);
    expect(mapped.problem.issues?.map((i) => i.path)).toEqual(['name', 'age']);
  });

  it('hides the message of an unexpected error', () => {
    const mapped = mapError(new Error('password=hunter2 in connection string'));
    expect(mapped.unexpected).toBe(true);
    expect(mapped.problem.status).toBe(500);
    expect(JSON.stringify(mapped.problem)).not.toContain('hunter2');
  });

  it('maps Fastify body errors', () => {
    expect(mapError({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: 'x' }).problem.status).toBe(413);
    expect(mapError({ code: 'FST_ERR_CTP_INVALID_JSON_BODY', message: 'x' }).problem.code).toBe(
      ErrorCode.MalformedJson,
    );
  });

  it('carries retry-after for rate limits', () => {
    const error = new DomainError(ErrorCode.RateLimited, 'slow down', { retryAfterSeconds: 7 });
    expect(mapError(error)).toMatchObject({ retryAfterSeconds: 7, problem: { status: 429 } });
  });
});
