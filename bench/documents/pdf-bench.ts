/**
 * Rendering a commercial document to PDF: a 120-line Argentine factura A in Spanish (three
 * A4 pages, logo, tax breakdown, total in words, payment terms, QR), rendered N times after
 * a warm-up, one at a time, from the built library (what the API runs).
 *
 *   npm run bench:pdf
 *   BENCH_RUNS=100 npm run bench:pdf
 *
 * Target (issue 25): ≤ 300 ms per 3-page PDF. Results: bench/results/pdf.json.
 */
import { amountInWords, afipQrUrl, renderDocumentPdf, type DocumentPdfView } from '@nexo/documents';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARM_UP = 5;
const LINES = 120;

/** A 120 × 40 two-colour PNG: the logo goes through the image path on every render. */
function logo(width = 120, height = 40): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(x < width / 2 ? [0, 90, 160] : [240, 160, 0], 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function view(): DocumentPdfView {
  const cents = (value: bigint) => `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;
  let net = 0n;
  const lines = Array.from({ length: LINES }, (_, index) => {
    const i = index + 1;
    const quantity = BigInt((i % 7) + 1);
    const price = 1000n + BigInt(i) * 137n;
    net += quantity * price;
    return {
      description: `Artículo de prueba número ${i}, descripción de una línea`,
      quantity: String(quantity),
      unit: 'u',
      unitPrice: cents(price),
      discountPercent: i % 5 === 0 ? '0' : undefined,
      lineNet: cents(quantity * price),
      taxLabel: 'IVA 21%',
    };
  });
  const tax = (net * 21n + 50n) / 100n;
  const total = cents(net + tax);
  return {
    title: 'Factura',
    letter: { letter: 'A', code: 'Cód. 01' },
    number: '00003-00000042',
    issueDate: '2026-12-07',
    dueDate: '2027-01-06',
    language: 'es',
    company: {
      name: 'Distribuidora del Sur',
      legalName: 'Distribuidora del Sur S.A.',
      taxId: '30-71234567-8',
      addressLines: ['Av. Belgrano 1234', 'C1092AAO Ciudad Autónoma de Buenos Aires'],
      taxCondition: 'IVA Responsable Inscripto',
      extraLines: ['Ingresos Brutos: 901-123456-7', 'Inicio de actividades: 01/03/2015'],
      logo: logo(),
    },
    party: {
      name: 'Ferretería Los Andes S.R.L.',
      taxId: '30-70987654-3',
      addressLines: ['San Martín 455', '5500 Mendoza'],
      taxCondition: 'IVA Responsable Inscripto',
    },
    currency: 'ARS',
    lines,
    taxes: [{ label: 'IVA 21%', base: cents(net), amount: cents(tax) }],
    totals: { net: cents(net), taxes: cents(tax), total },
    totalInWords: amountInWords(total, 'ARS', 'es'),
    paymentTerms: [{ dueDate: '2027-01-06', amount: total }],
    legalText: ['CAE N°: 76123456789012', 'Fecha de vto. de CAE: 17/12/2026'],
    qr: afipQrUrl({
      date: '2026-12-07',
      cuit: '30-71234567-8',
      pointOfSale: 3,
      voucherType: 1,
      voucherNumber: 42,
      amount: total,
      currency: 'PES',
      rate: '1',
      receiverDocType: 80,
      receiverDocNumber: '30-70987654-3',
      authorizationType: 'E',
      authorizationCode: '76123456789012',
    }),
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

const document = view();
const coldStart = performance.now();
const first = await renderDocumentPdf(document);
const coldMs = performance.now() - coldStart;
const pages = first.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
for (let i = 1; i < WARM_UP; i++) await renderDocumentPdf(document);

// Wall time per render, and the process's CPU time for it: on a shared machine the second
// says what the render costs when the wall clock also counts other people's work.
const times: number[] = [];
const cpuTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await renderDocumentPdf(document);
  times.push(performance.now() - start);
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const round = (ms: number) => Number(ms.toFixed(1));
const result = {
  lines: LINES,
  pages,
  bytes: first.length,
  runs: RUNS,
  'first render ms': round(coldMs),
  'median ms': round(percentile(times, 50)),
  'p95 ms': round(percentile(times, 95)),
  'min ms': round(times[0] ?? 0),
  'max ms': round(times[times.length - 1] ?? 0),
  'median CPU ms': round(percentile(cpuTimes, 50)),
  'heap MiB': round(process.memoryUsage().heapUsed / 2 ** 20),
};

const report = {
  when: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  target: '≤ 300 ms per 3-page PDF',
  loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
  result,
};
const dir = path.resolve(import.meta.dirname, '../results');
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'pdf.json'), `${JSON.stringify(report, null, 2)}\n`);
console.table([result]);
