import 'reflect-metadata';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_ROUTES } from '@nexo/contracts';
import {
  NestPinoLogger,
  ProblemFilter,
  fastifyOptions,
  installBinaryBodies,
  installHttpHooks,
  serveContractRoutes,
} from '@nexo/platform';
import { registerApiDocs } from './api-docs.js';
import { AppModule, type AppDependencies } from './app.module.js';

/**
 * Builds the HTTP application (not listening yet). Tests call this with extra modules;
 * the CLI's `start` calls it and listens.
 */
export async function createApp(
  deps: AppDependencies,
  extra: DynamicModule['imports'] = [],
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter(fastifyOptions(deps.logger, deps.config.NEXO_TRUSTED_PROXIES));
  installHttpHooks(adapter.getInstance(), deps.metrics);
  installBinaryBodies(adapter.getInstance(), API_ROUTES);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(deps, extra),
    adapter,
    {
      logger: new NestPinoLogger(deps.logger),
      abortOnError: false,
    },
  );
  // Nest built the controllers; their routes are served through their contracts, on Fastify.
  serveContractRoutes(app, adapter.getInstance(), deps.logger);
  // What Nest's own router still sees (unknown paths, a handler mapped without a contract).
  app.useGlobalFilters(new ProblemFilter(deps.logger));
  await registerApiDocs(app);
  await app.init();
  return app;
}
