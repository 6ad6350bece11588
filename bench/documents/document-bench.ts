/**
 * A 200-line document through the commercial-document kit, side by side in one run:
 *  - totals: `computeDocument` (lines, taxes, breakdown) of 200 lines, pure;
 *  - draft: `DocumentKit.create` of those 200 lines (figures, header, lines, audit, outbox);
 *  - issue: `DocumentKit.transition(…, 'issue')` (lock, permission, gapless number, the
 *    database's guard trigger, audit, outbox).
 * Against the embedded PostgreSQL of a started NEXO (migrated as deployed), with the kit built
 * from the libraries' dist. The database connection is the superuser's (the bench has no app
 * role password), so row-level security is not evaluated: an issue costs a little more in
 * production.
 *
 *   npm run bench:documents
 *
 * Figures for issue 25's note. Results: bench/results/documents.json.
 */
import { AuditLog } from '@nexo/audit';
import { computeDocument, type TaxDefinition } from '@nexo/commerce';
import { Database, Numbering } from '@nexo/db';
import {
  defineDocumentType,
  defineStateMachine,
  DocumentKit,
  DocumentStore,
  type DocumentLineInput,
} from '@nexo/documents';
import { documentTables } from '@nexo/documents/tables';
import { EventOutbox } from '@nexo/events';
import { PermissionService, RoleRepository } from '@nexo/permissions';
import { Mailer, requestContext, type Principal } from '@nexo/platform';
import { RecordWrites } from '@nexo/records';
import type { ExchangeRates } from '@nexo/tenancy';
import { newId } from '@nexo/utils';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pgSchema } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { startNexo } from '../lib/nexo-server.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const LINES = 200;

const schema = pgSchema('bench_documents');
const tables = documentTables(schema, { header: 'documents', lines: 'document_lines' });
const TYPE = defineDocumentType({
  name: 'bench.document',
  subject: 'bench.document',
  label: 'Document',
  tables,
  states: defineStateMachine({
    states: ['draft', 'issued'],
    initial: 'draft',
    transitions: { issue: { from: ['draft'], to: 'issued', issues: true } },
  }),
  numbering: { prefix: 'B-', padding: 8 },
});

const tax = (id: string, over: Partial<TaxDefinition> = {}): TaxDefinition => ({
  id,
  code: id,
  name: id,
  kind: 'vat',
  computation: 'percent',
  rate: '21',
  ...over,
});
const TAXES = [
  [tax('iva21')],
  [tax('iva105', { rate: '10.5' })],
  [tax('iva21-inc', { includedInPrice: true })],
  [tax('iva21'), tax('re52', { kind: 'other', rate: '5.2' })],
];
const lines: DocumentLineInput[] = Array.from({ length: LINES }, (_, i) => ({
  description: `Artículo ${i + 1}`,
  quantity: `${(i % 9) + 1}.${i % 1000}`,
  unit: 'u',
  unitPrice: `${1000 + i * 37}.${String(i % 10_000).padStart(4, '0')}`,
  discountPercent: i % 3 === 0 ? '7.5' : '0',
  taxes: TAXES[i % TAXES.length] as TaxDefinition[],
}));
const header = {
  partyId: newId(),
  currency: 'ARS',
  exchangeRate: '1',
  documentDate: '2026-12-07',
  discountPercent: '2.5',
  documentTaxes: [tax('iibb', { kind: 'perception', rate: '3', threshold: '1000' })],
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const round = (ms: number) => Number(ms.toFixed(2));
  return { medianMs: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)) };
};

// Totals: pure, warmed up first.
for (let i = 0; i < 20; i++) computeDocument({ ...header, lines });
const totalsTimes: number[] = [];
for (let i = 0; i < RUNS * 3; i++) {
  const start = performance.now();
  computeDocument({ ...header, lines });
  totalsTimes.push(performance.now() - start);
}

const server = await startNexo();
try {
  const port = Number(
    readFileSync(path.join(server.dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3],
  );
  const password = readFileSync(path.join(server.dataDir, 'pg-superuser.secret'), 'utf8').trim();
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/nexo`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const { generateDrizzleJson, generateMigration } = await import('drizzle-kit/api');
  for (const statement of await generateMigration(
    generateDrizzleJson({}),
    generateDrizzleJson({ schema, ...tables }),
  ))
    await admin.query(statement);
  await admin.query(
    `select documents.install_guards('bench_documents.documents', 'bench_documents.document_lines')`,
  );
  const tenantId = newId();
  await admin.query(`insert into tenancy.tenants (id, slug, name) values ($1, $2, 'Bench')`, [
    tenantId,
    `bench-${tenantId.slice(-8)}`,
  ]);
  await admin.end();

  const database = new Database(url, { max: 4 });
  const permissions = new PermissionService(new RoleRepository(database));
  const audit = new AuditLog(database);
  const outbox = new EventOutbox(database);
  const kit = new DocumentKit(
    new DocumentStore(database),
    new RecordWrites(permissions, audit, outbox),
    permissions,
    new Numbering(database),
    audit,
    outbox,
    new Mailer({ from: 'bench@nexo.test', dropDir: os.tmpdir() }),
    database,
    // Never asked: every bench document gives its rate (tenancy's repository is not public).
    {} as ExchangeRates,
  );
  const principal: Principal = {
    userId: newId(),
    tenantId,
    actor: 'employee',
    membershipId: newId(),
    roles: ['owner'],
    issuedAt: 0,
  };
  const request = <T>(fn: () => Promise<T>) =>
    requestContext.run({ requestId: newId(), principal }, () =>
      database.withContext({ tenantId, userId: principal.userId }, fn),
    );

  const draftTimes: number[] = [];
  const issueTimes: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    let start = performance.now();
    const draft = await request(() => kit.create(TYPE, header, lines));
    const drafted = performance.now() - start;
    start = performance.now();
    const issued = await request(() => kit.transition(TYPE, draft.id, 1, 'issue'));
    const issuedMs = performance.now() - start;
    if (issued.lines.length !== LINES || !issued.number) throw new Error('issue went wrong');
    if (i >= 3) {
      draftTimes.push(drafted);
      issueTimes.push(issuedMs);
    }
  }
  await database.close();

  const result = {
    lines: LINES,
    runs: RUNS,
    totals: summary(totalsTimes),
    draft: summary(draftTimes),
    issue: summary(issueTimes),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    at: new Date().toISOString(),
  };
  console.log(
    `lines ${LINES} │ totals median ${result.totals.medianMs} ms p95 ${result.totals.p95Ms} ms │ draft median ${result.draft.medianMs} ms p95 ${result.draft.p95Ms} ms │ issue median ${result.issue.medianMs} ms p95 ${result.issue.p95Ms} ms │ load ${result.loadAverage.join(' ')}`,
  );
  const out = path.resolve(import.meta.dirname, '../results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'documents.json'), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await server.stop();
}
