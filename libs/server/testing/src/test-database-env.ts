/** What the global setup hands to every test file (through Vitest's provide/inject). */
export interface TestDatabaseEnv {
  /** Superuser URL of the server, pointed at its maintenance database. */
  serverUrl: string;
  /** The migrated database each test file clones. */
  template: string;
  /** Prefix of every database this run creates, so teardown can find leftovers. */
  prefix: string;
  appPassword: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    nexoDb: TestDatabaseEnv;
  }
}

export const TEST_APP_PASSWORD = 'nexo-test-app-role';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
