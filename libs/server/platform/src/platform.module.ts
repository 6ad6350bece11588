import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Logger } from 'pino';
import type { AppConfig } from './config/config.schema.js';
import { HealthController } from './health/health.controller.js';
import { SearchController } from './search/search.controller.js';
import { SearchRegistry } from './search/search.registry.js';
import { ReadinessRegistry } from './health/readiness.registry.js';
import { Mailer } from './mail/mailer.js';
import { UnservedRouteGuard } from './http/unserved-route.guard.js';
import { MetricsService } from './metrics/metrics.service.js';
import { SecretBox } from './secrets/secret-box.js';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const APP_LOGGER = Symbol('APP_LOGGER');

export interface PlatformDependencies {
  config: AppConfig;
  logger: Logger;
  metrics: MetricsService;
  secretBox: SecretBox;
  mailer: Mailer;
}

/** Config, logger, metrics and health: what every other module may inject. */
@Module({})
export class PlatformModule {
  static forRoot(deps: PlatformDependencies): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      controllers: [HealthController, SearchController],
      providers: [
        { provide: APP_CONFIG, useValue: deps.config },
        { provide: APP_LOGGER, useValue: deps.logger },
        { provide: MetricsService, useValue: deps.metrics },
        { provide: SecretBox, useValue: deps.secretBox },
        { provide: Mailer, useValue: deps.mailer },
        ReadinessRegistry,
        SearchRegistry,
        { provide: APP_GUARD, useClass: UnservedRouteGuard },
      ],
      exports: [
        APP_CONFIG,
        APP_LOGGER,
        MetricsService,
        SecretBox,
        Mailer,
        ReadinessRegistry,
        SearchRegistry,
      ],
    };
  }
}
