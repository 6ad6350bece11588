import autocannon from 'autocannon';
import type pg from 'pg';
import {
  buildRequest,
  resetRun,
  returnEntry,
  type ContenderName,
  type ScenarioName,
  type TenantFixture,
} from './scenarios.ts';

/**
 * One run of a scenario's load against one contender: each connection builds its requests
 * from the fixtures (tenant, token, records to update) and hands back what it checked out.
 * `onResponse` sees every answer (for debugging a run).
 */
export function loadScenario(options: {
  url: string;
  contender: ContenderName;
  scenario: ScenarioName;
  fixtures: TenantFixture[];
  connections: number;
  seconds: number;
  onResponse?: (status: number, body: string, context: unknown) => void;
}): Promise<autocannon.Result> {
  const { contender, scenario, fixtures, onResponse } = options;
  resetRun(fixtures);
  return autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    initialContext: {},
    requests: [
      {
        setupRequest: (_req, context) => buildRequest(contender, scenario, fixtures, context),
        onResponse: (status, body, context) => {
          returnEntry(context, status, body);
          onResponse?.(status, body, context);
        },
      },
    ],
  });
}

/**
 * Updates start from version 1 on every run (each run's connections start without versions).
 * First a pause: requests still in flight when the last run's clock stopped would otherwise
 * bump a version after the reset, and the next run would meet 412s it did not cause.
 */
export async function resetVersions(admin: pg.Client, fixtures: TenantFixture[]): Promise<void> {
  await new Promise((r) => setTimeout(r, 1000));
  const ids = fixtures.flatMap((f) => f.ids);
  await admin.query('update crm.parties set version = 1 where id = any($1::uuid[])', [ids]);
}
