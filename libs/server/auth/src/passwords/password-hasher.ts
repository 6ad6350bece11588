import { Inject, Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { ErrorCode } from '@nexo/contracts';
import { APP_CONFIG, DomainError, MetricsService, type AppConfig } from '@nexo/platform';
import { availableParallelism } from 'node:os';
import { Counter } from 'prom-client';

// `algorithm: 2` is Algorithm.Argon2id: the package exports it as an ambient const enum,
// which isolated (per-file) compilation cannot read. OWASP baseline: 19 MiB, t=2, p=1.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const MAX_WAITING = 64;

/**
 * argon2id with bounded concurrency: at most N hashes at once (by default one core fewer
 * than the machine has) and a bounded queue, so a login flood cannot take every core from
 * the API. Past the queue, callers get a 503 with Retry-After instead of waiting forever.
 */
@Injectable()
export class PasswordHasher {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly limit: number;
  private readonly operations: Counter<'op'>;
  /** Hash and verify calls that ran, for the brute-force test and the metrics. */
  count = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(MetricsService) metrics: MetricsService,
  ) {
    this.limit = config.NEXO_HASH_CONCURRENCY ?? Math.max(1, availableParallelism() - 1);
    this.operations = new Counter({
      name: 'nexo_password_hash_operations_total',
      help: 'argon2id hash and verify operations run',
      labelNames: ['op'],
      registers: [metrics.registry],
    });
  }

  hash(password: string): Promise<string> {
    return this.run('hash', () => hash(password, OPTIONS));
  }

  verify(passwordHash: string, password: string): Promise<boolean> {
    return this.run('verify', () => verify(passwordHash, password));
  }

  private async run<T>(op: string, fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= MAX_WAITING) {
        throw new DomainError(
          ErrorCode.ServiceUnavailable,
          'Too many sign-ins at once; try again shortly',
          {
            retryAfterSeconds: 1,
          },
        );
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      this.count++;
      this.operations.labels(op).inc();
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
