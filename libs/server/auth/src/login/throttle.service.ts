import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@nexo/contracts';
import { DomainError } from '@nexo/platform';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Per-minute budgets of the public auth endpoints, per IP and per account. */
const LIMITS = {
  'login:ip': { points: 30, duration: 60 },
  'login:account': { points: 10, duration: 60 },
  'reset:ip': { points: 10, duration: 60 },
  'reset:account': { points: 3, duration: 300 },
  'token:ip': { points: 60, duration: 60 },
  'token:client': { points: 30, duration: 60 },
} as const;
export type ThrottleBucket = keyof typeof LIMITS;

/**
 * Rate limits for sign-in, reset and token endpoints (429 with Retry-After). Counters live
 * in this process: enough for the one-machine install; several API replicas each count on
 * their own (the per-account lock-out, kept in the database, is shared).
 */
@Injectable()
export class Throttle {
  private readonly limiters = new Map<ThrottleBucket, RateLimiterMemory>(
    (Object.keys(LIMITS) as ThrottleBucket[]).map((bucket) => [
      bucket,
      new RateLimiterMemory({ keyPrefix: bucket, ...LIMITS[bucket] }),
    ]),
  );

  async consume(bucket: ThrottleBucket, key: string): Promise<void> {
    try {
      await this.limiters.get(bucket)?.consume(key.toLowerCase());
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new DomainError(ErrorCode.RateLimited, 'Too many attempts; wait and try again', {
        retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
      });
    }
  }
}
