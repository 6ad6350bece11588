import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from './config/config.schema.js';
import { HealthController } from './health/health.controller.js';
import { ReadinessRegistry } from './health/readiness.registry.js';
import { MetricsService } from './metrics/metrics.service.js';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const APP_LOGGER = Symbol('APP_LOGGER');

/** Config, logger, metrics and health: what every other module may inject. */
@Module({})
export class PlatformModule {
  static forRoot(deps: {
    config: AppConfig;
    logger: Logger;
    metrics: MetricsService;
  }): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: deps.config },
        { provide: APP_LOGGER, useValue: deps.logger },
        { provide: MetricsService, useValue: deps.metrics },
        ReadinessRegistry,
      ],
      exports: [APP_CONFIG, APP_LOGGER, MetricsService, ReadinessRegistry],
    };
  }
}
