/** A dependency the API needs before it can serve traffic (the database, later the bus). */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, { ok: boolean; error?: string }>;
}

const CHECK_TIMEOUT_MS = 2000;

export class ReadinessRegistry {
  private readonly checks: ReadinessCheck[] = [];

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  async report(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      this.checks.map(async (c) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            c.check(),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
            }),
          ]);
          return { name: c.name, result: { ok: true } };
        } catch (error) {
          // Only the class of failure: a driver message may carry a host or user name.
          const reason =
            error instanceof Error && error.message === 'timed out' ? 'timed out' : 'failed';
          return { name: c.name, result: { ok: false, error: reason } };
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const checks: ReadinessReport['checks'] = {};
    for (const { name, result } of entries) checks[name] = result;
    return { ready: entries.every((e) => e.result.ok), checks };
  }
}
