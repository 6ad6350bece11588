/** The benchmark's report: raw JSON beside a Markdown table with the ratios. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, type DataSet } from './database.ts';
import type { ContenderName, ScenarioName } from './scenarios.ts';

export interface Measurement {
  contender: ContenderName;
  scenario: ScenarioName;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** CPU time per request, µs, of the contender's process and of the database's processes. */
  serverCpuUs: number;
  databaseCpuUs: number;
  /** req/s of the three measured runs, lowest first; the median is reported. */
  runs: number[];
}

export interface Report {
  date: string;
  quick: boolean;
  dataSet: DataSet;
  secondsPerRun: number;
  machine: { cpus: string; memoryGb: number; node: string; postgres: string };
  measurements: Measurement[];
  memory: { contender: ContenderName; idleMb: number; peakMb: number }[];
  startup: { kind: 'fresh' | 'warm'; ms: number }[];
}

const ratio = (a?: number, b?: number): string => (a && b ? (a / b).toFixed(2) : '—');

export function writeReport(report: Report): void {
  const file = report.quick ? 'compare-quick.json' : 'compare.json';
  writeFileSync(path.join(ROOT, 'bench/results', file), `${JSON.stringify(report, null, 2)}\n`);
  const find = (c: ContenderName, s: ScenarioName, n: number) =>
    report.measurements.find((m) => m.contender === c && m.scenario === s && m.connections === n);
  const rows: string[] = [];
  for (const scenario of [...new Set(report.measurements.map((m) => m.scenario))]) {
    for (const n of [...new Set(report.measurements.map((m) => m.connections))]) {
      const [nexo, limit, peer] = (['nexo', 'limit', 'postgraphile'] as const).map((c) =>
        find(c, scenario, n),
      );
      const cell = (m?: Measurement) =>
        m
          ? `${m.requestsPerSecond} | ${m.p50} | ${m.p99}${m.non2xx ? ` (${m.non2xx} non-2xx)` : ''}`
          : '— | — | —';
      rows.push(
        `| ${scenario} | ${n} | ${cell(nexo)} | ${cell(limit)} | ${cell(peer)} | ${ratio(nexo?.requestsPerSecond, limit?.requestsPerSecond)} | ${ratio(nexo?.requestsPerSecond, peer?.requestsPerSecond)} |`,
      );
    }
  }
  // CPU per request at 10 connections: the contender's own and the database's, in µs.
  const cpuRows = [...new Set(report.measurements.map((m) => m.scenario))].map((scenario) => {
    const cpu = (c: ContenderName) => {
      const m = find(c, scenario, 10);
      return m?.serverCpuUs === undefined ? '— | —' : `${m.serverCpuUs} | ${m.databaseCpuUs}`;
    };
    return `| ${scenario} | ${cpu('nexo')} | ${cpu('limit')} | ${cpu('postgraphile')} |`;
  });
  const md = `# Benchmarks: NEXO, the limit and PostGraphile

Measured ${report.date.slice(0, 16).replace('T', ' ')} UTC${report.quick ? ' (**quick** data set)' : ''} on
${report.machine.cpus}, ${report.machine.memoryGb} GiB, Node ${report.machine.node}, PostgreSQL ${report.machine.postgres}.
The load generator (autocannon) runs on the same two cores as the server under test, so
absolute figures are low; the ratios, measured side by side in one run, are the point.

Reproduce: \`npm run bench\` (full: ${report.quick ? '200 × 5,000' : `${report.dataSet.tenants} tenants × ${report.dataSet.partiesPerTenant} parties`}, seeded once into
\`.nexo-bench/\`) or \`npm run bench -- --quick\`; raw figures in \`bench/results/${report.quick ? 'compare-quick.json' : 'compare.json'}\`.

- **NEXO**: the API as deployed (\`nexo start\` with \`config.nodeFlags\`): JWT, principal
  re-check, permission filter compiled into SQL, RLS transaction, contract serialization,
  audit and outbox on writes, and the events relayed in process (the CRM timeline consumer
  writes a row for each created party; updates have no consumer).
- **limit**: Fastify + \`pg\`, same JWT check, the same statements sent the way NEXO sends
  them (a read: the tenant settings and the query in one message, no transaction block; a
  write: BEGIN and the settings with its first statement, the event and the audit row with COMMIT; every
  statement prepared once per connection), no framework, no principal re-check, no event
  delivery (its events are inserted already published).
- **PostGraphile** 5 (Amber preset) on the same tables as the same RLS-bound role, JWT claims
  mapped to the same settings; a \`nameContains\` condition for search; its create and update
  write no audit row or event and take no \`If-Match\` (it has neither).

Data: ${report.dataSet.tenants} tenants × ${report.dataSet.partiesPerTenant} parties (plus contacts and opportunities); requests
spread over 4 tenants. The three run at once and take turns: for each scenario and connection
count, a warm-up of each, then three rounds in which each runs once (who goes first rotates).
Each create run starts from the seeded parties (what earlier runs created is deleted first), so
every contender's duplicate probe, where it has one, reads ${report.dataSet.partiesPerTenant} parties a tenant.
Each cell: median of ${3} runs of ${report.secondsPerRun} s; req/s | p50 ms | p99 ms.

| scenario | conn. | NEXO req/s \\| p50 \\| p99 | limit req/s \\| p50 \\| p99 | PostGraphile req/s \\| p50 \\| p99 | NEXO / limit | NEXO / PostGraphile |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

CPU time per request at 10 connections, in µs: the contender's process, then all of
PostgreSQL's processes (from \`/proc\`, over the measured run, divided by its requests).

| scenario | NEXO | its database | limit | its database | PostGraphile | its database |
| --- | --- | --- | --- | --- | --- | --- |
${cpuRows.join('\n')}

| process | RSS idle (MB) | RSS peak under load (MB) |
| --- | --- | --- |
${report.memory.map((m) => `| ${m.contender} | ${m.idleMb} | ${m.peakMb} |`).join('\n')}

| NEXO start to ready | ms |
| --- | --- |
${report.startup.map((s) => `| ${s.kind === 'fresh' ? 'fresh data folder (initdb, migrations, demo seed)' : 'same folder again'} | ${s.ms} |`).join('\n')}
`;
  const target = path.join(ROOT, report.quick ? 'docs/benchmarks-quick.md' : 'docs/benchmarks.md');
  writeFileSync(target, md + keptFindings(target));
}

/**
 * The report's hand-written part: everything from the `## Findings` heading on (what the
 * measurements found, where each target stands) outlives the tables regenerated above it.
 */
function keptFindings(file: string): string {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = current.search(/^## Findings$/m);
  return at < 0 ? '' : `\n${current.slice(at)}`;
}
