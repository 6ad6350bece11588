import {
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { MetricsService, REQUEST_RUNNER, ReadinessRegistry } from '@nexo/platform';
import { Gauge } from 'prom-client';
import { Database } from './client/database.js';
import { RequestTransactionRunner } from './client/transaction.runner.js';
import { Numbering } from './numbering/numbering.service.js';

/** Provides the app role's `Database`, its readiness check and pool gauges, and closes it. */
@Module({})
export class DatabaseModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(ReadinessRegistry) private readonly readiness: ReadinessRegistry,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {}

  static forRoot(database: Database): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        { provide: Database, useValue: database },
        Numbering,
        RequestTransactionRunner,
        { provide: REQUEST_RUNNER, useExisting: RequestTransactionRunner },
      ],
      exports: [Database, Numbering, REQUEST_RUNNER],
    };
  }

  onModuleInit(): void {
    this.readiness.register({ name: 'database', check: () => this.database.ping() });
    const pool = this.database.pool;
    const gauge = (name: string, help: string, read: () => number): void => {
      new Gauge({
        name,
        help,
        registers: [this.metrics.registry],
        collect() {
          this.set(read());
        },
      });
    };
    gauge('nexo_db_pool_connections', 'Connections open in the app pool', () => pool.totalCount);
    gauge('nexo_db_pool_idle', 'Idle connections in the app pool', () => pool.idleCount);
    gauge(
      'nexo_db_pool_waiting',
      'Requests waiting for a pool connection',
      () => pool.waitingCount,
    );
  }

  /** After the HTTP server has drained: in-flight requests still needed their connections. */
  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
