import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Mailer, MetricsService, SecretBox, loadConfig, loggerOptions } from '@nexo/platform';
import type { TestDatabase } from '@nexo/testing';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import { pino } from 'pino';
import { createApp } from '../../src/create-app.js';

export interface TestApp {
  app: NestFastifyApplication;
  /** Every log line the app wrote, parsed. */
  logs: Record<string, unknown>[];
}

const TEST_SECRET_KEY = randomBytes(32).toString('base64');
const mailDir = path.join(tmpdir(), `nexo-test-mail-${process.pid}`);

/**
 * The real application on a test database, with its log captured for assertions. `env`
 * adds configuration as environment variables would (e.g. an SMTP server of the test).
 */
export async function buildTestApp(
  db: TestDatabase,
  extra: DynamicModule['imports'] = [],
  env: Record<string, string> = {},
): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    NEXO_PUBLIC_URL: 'http://nexo.test',
    ...env,
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  const logger = pino(loggerOptions(config), sink);
  const app = await createApp(
    {
      config,
      logger,
      metrics: new MetricsService(),
      secretBox: new SecretBox(TEST_SECRET_KEY),
      mailer: new Mailer({
        smtpUrl: config.NEXO_SMTP_URL,
        from: config.NEXO_MAIL_FROM,
        dropDir: mailDir,
      }),
      database: db.database,
    },
    extra,
  );
  return { app, logs };
}

/**
 * The app for a whole test file: built before its first test on the file's database and
 * closed after its last. Reads like a `TestApp` (`t.app`, `t.logs`).
 */
export function useTestApp(
  db: { readonly current: TestDatabase },
  extra: DynamicModule['imports'] = [],
  env: Record<string, string> = {},
): TestApp {
  let built: TestApp | undefined;
  beforeAll(async () => {
    built = await buildTestApp(db.current, extra, env);
  });
  afterAll(async () => {
    await built?.app.close();
  });
  const current = (): TestApp => {
    if (!built) throw new Error('The test app is built in beforeAll; use it inside tests');
    return built;
  };
  return {
    get app() {
      return current().app;
    },
    get logs() {
      return current().logs;
    },
  };
}
