import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MetricsService, loadConfig, loggerOptions } from '@nexo/platform';
import type { TestDatabase } from '@nexo/testing';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { createApp } from '../../src/create-app.js';

export interface TestApp {
  app: NestFastifyApplication;
  /** Every log line the app wrote, parsed. */
  logs: Record<string, unknown>[];
}

/** The real application on a test database, with its log captured for assertions. */
export async function buildTestApp(
  db: TestDatabase,
  extra: DynamicModule['imports'] = [],
): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino(loggerOptions(config), sink);
  const app = await createApp(
    { config, logger, metrics: new MetricsService(), database: db.database },
    extra,
  );
  return { app, logs };
}
