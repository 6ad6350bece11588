import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@nexo/audit';
import { AuthModule } from '@nexo/auth';
import { CustomFieldsModule } from '@nexo/custom-fields';
import { EventsModule } from '@nexo/events';
import { JobsModule } from '@nexo/jobs';
import { PermissionsModule } from '@nexo/permissions';
import { DatabaseModule, type Database } from '@nexo/db';
import { PlatformModule, type PlatformDependencies } from '@nexo/platform';
import { CONTEXT_MODULES } from './modules.registry.js';
import { RetentionModule } from './retention.module.js';
import { StockValuationModule } from './bridges/stock-valuation.module.js';

export interface AppDependencies extends PlatformDependencies {
  database: Database;
}

/** Wiring only: platform, database, audit, events, jobs (and their retention), identity, custom fields, and the contexts named in `NEXO_MODULES`. */
@Module({})
export class AppModule {
  static forRoot(deps: AppDependencies, extra: DynamicModule['imports'] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(deps),
        DatabaseModule.forRoot(deps.database),
        AuditModule,
        EventsModule.forRoot({ natsUrl: deps.config.NEXO_NATS_URL }),
        JobsModule.forRoot(),
        RetentionModule,
        AuthModule,
        PermissionsModule,
        CustomFieldsModule,
        ...deps.config.NEXO_MODULES.map((name) => CONTEXT_MODULES[name]),
        // Stock moves are valued into the books when both contexts run here.
        ...(['inventory', 'accounts'].every((m) =>
          (deps.config.NEXO_MODULES as readonly string[]).includes(m),
        )
          ? [StockValuationModule]
          : []),
        ...extra,
      ],
    };
  }
}
