import { Module, type DynamicModule } from '@nestjs/common';
import { DatabaseModule, type Database } from '@nexo/db';
import { PlatformModule, type AppConfig, type Logger, type MetricsService } from '@nexo/platform';
import { CONTEXT_MODULES } from './modules.registry.js';

export interface AppDependencies {
  config: AppConfig;
  logger: Logger;
  metrics: MetricsService;
  database: Database;
}

/** Wiring only: platform, database, and the contexts named in `NEXO_MODULES`. */
@Module({})
export class AppModule {
  static forRoot(deps: AppDependencies, extra: DynamicModule['imports'] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(deps),
        DatabaseModule.forRoot(deps.database),
        ...deps.config.NEXO_MODULES.map((name) => CONTEXT_MODULES[name]),
        ...extra,
      ],
    };
  }
}
