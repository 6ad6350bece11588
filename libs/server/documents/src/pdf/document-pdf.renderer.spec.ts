import { crc32, deflateSync } from 'node:zlib';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { amountInWords } from './amount-in-words.js';
import { afipQrUrl } from './ar-invoice-qr.js';
import {
  pdfLocalAccessPolicy,
  pdfUrlAccessPolicy,
  PDF_FONT_DIR,
  renderDocumentPdf,
} from './document-pdf.renderer.js';
import { buildDocumentPdfDefinition } from './document-pdf.template.js';
import type { DocumentPdfLine, DocumentPdfView } from './document-pdf.view.js';

/** A small valid PNG (a two-colour bar), so the logo path runs for real. */
function pngLogo(width = 60, height = 20): Buffer {
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
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++)
      row.set(x < width / 2 ? [0, 90, 160] : [240, 160, 0], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** es-AR's way with a decimal string, written out by hand: "1234567.80" → "1.234.567,80". */
function esAr(value: string): string {
  const [whole = '', fraction = ''] = value.split('.');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, '.')},${fraction}`;
}

/** The text of each page, its items joined by single spaces. */
async function readBack(pdf: Buffer): Promise<{ pages: number; text: string[] }> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(document, { mergePages: false });
  return { pages: totalPages, text: text.map((page) => page.replace(/\s+/g, ' ')) };
}

/** An Argentine factura A: responsable inscripto to responsable inscripto, IVA 21 % and 10,5 %. */
function facturaA(): DocumentPdfView {
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
      logo: pngLogo(),
    },
    party: {
      name: 'Ferretería Los Andes S.R.L.',
      taxId: '30-70987654-3',
      addressLines: ['San Martín 455', '5500 Mendoza'],
      taxCondition: 'IVA Responsable Inscripto',
    },
    currency: 'ARS',
    lines: [
      {
        description: 'Tornillo autoperforante 8 x 1" (caja x 100)',
        quantity: '10',
        unit: 'caja',
        unitPrice: '1234.50',
        lineNet: '12345.00',
        taxLabel: 'IVA 21%',
      },
      {
        description: 'Taladro percutor 750 W',
        quantity: '2',
        unit: 'u',
        unitPrice: '85000.00',
        discountPercent: '10',
        lineNet: '153000.00',
        taxLabel: 'IVA 21%',
      },
      {
        description: 'Manual técnico impreso',
        quantity: '3',
        unit: 'u',
        unitPrice: '4500.00',
        lineNet: '13500.00',
        taxLabel: 'IVA 10,5%',
      },
    ],
    taxes: [
      { label: 'IVA 21%', base: '165345.00', amount: '34722.45' },
      { label: 'IVA 10,5%', base: '13500.00', amount: '1417.50' },
    ],
    totals: { net: '178845.00', taxes: '36139.95', total: '214984.95' },
    totalInWords: amountInWords('214984.95', 'ARS', 'es'),
    paymentTerms: [
      { dueDate: '2027-01-06', amount: '107492.48' },
      { dueDate: '2027-02-05', amount: '107492.47' },
    ],
    legalText: ['CAE N°: 76123456789012', 'Fecha de vto. de CAE: 17/12/2026'],
    qr: afipQrUrl({
      date: '2026-12-07',
      cuit: '30-71234567-8',
      pointOfSale: 3,
      voucherType: 1,
      voucherNumber: 42,
      amount: '214984.95',
      currency: 'PES',
      rate: '1',
      receiverDocType: 80,
      receiverDocNumber: '30-70987654-3',
      authorizationType: 'E',
      authorizationCode: '76123456789012',
    }),
  };
}

/** A Spanish invoice in English, to a retailer under recargo de equivalencia. */
function spanishInvoiceWithRecargo(): DocumentPdfView {
  return {
    title: 'Invoice',
    number: 'F2026-000117',
    issueDate: '2026-12-07',
    dueDate: '2027-01-06',
    language: 'en',
    company: {
      name: 'Suministros Levante',
      legalName: 'Suministros Levante S.L.',
      taxId: 'B12345678',
      addressLines: ['Calle Colón 12', '46004 Valencia, Spain'],
      taxCondition: 'VAT registered',
    },
    party: {
      name: 'Papelería Marina',
      taxId: '12345678Z',
      addressLines: ['Calle Mayor 3', '03001 Alicante, Spain'],
      taxCondition: 'Recargo de equivalencia',
    },
    currency: 'EUR',
    lines: [
      {
        description: 'Ergonomic office chair',
        quantity: '4',
        unit: 'u',
        unitPrice: '149.90',
        lineNet: '599.60',
        taxLabel: 'VAT 21% + RE 5.2%',
      },
      {
        description: 'Printer paper A4 (box of 5 reams)',
        quantity: '10',
        unit: 'box',
        unitPrice: '24.40',
        discountPercent: '5',
        lineNet: '231.80',
        taxLabel: 'VAT 21% + RE 5.2%',
      },
    ],
    taxes: [
      { label: 'VAT 21%', base: '831.40', amount: '174.59' },
      { label: 'Equivalence surcharge 5.2%', base: '831.40', amount: '43.23' },
    ],
    totals: { net: '831.40', taxes: '217.82', roundingDifference: '0.00', total: '1049.22' },
    totalInWords: amountInWords('1049.22', 'EUR', 'en'),
    paymentTerms: [{ dueDate: '2027-01-06', amount: '1049.22' }],
    legalText: ['Recargo de equivalencia applied: Ley 37/1992, art. 154.'],
  };
}

/** A long document: `count` lines of 21 % IVA, totals computed in cents with BigInt. */
function longDocument(count: number, language: 'es' | 'en'): DocumentPdfView {
  const cents = (value: bigint) => `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;
  const lines: DocumentPdfLine[] = [];
  let net = 0n;
  for (let i = 1; i <= count; i++) {
    const quantity = BigInt((i % 7) + 1);
    const price = 1000n + BigInt(i) * 137n; // cents
    const lineNet = quantity * price;
    net += lineNet;
    lines.push({
      description: `Artículo de prueba número ${i}, descripción de una línea`,
      quantity: String(quantity),
      unit: 'u',
      unitPrice: cents(price),
      lineNet: cents(lineNet),
      taxLabel: 'IVA 21%',
    });
  }
  const tax = (net * 21n + 50n) / 100n; // half-up, non-negative
  return {
    ...facturaA(),
    language,
    lines,
    taxes: [{ label: 'IVA 21%', base: cents(net), amount: cents(tax) }],
    totals: { net: cents(net), taxes: cents(tax), total: cents(net + tax) },
    totalInWords: amountInWords(cents(net + tax), 'ARS', language),
  };
}

describe('renderDocumentPdf', () => {
  it('prints an Argentine factura A in Spanish with its figures', async () => {
    const pdf = await renderDocumentPdf(facturaA());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, text } = await readBack(pdf);
    expect(pages).toBe(1);
    const page = text[0] as string;
    expect(page).toContain('Factura');
    expect(page).toContain('Número: 00003-00000042');
    expect(page).toContain('Fecha de emisión: 07/12/2026');
    expect(page).toContain('Vencimiento: 06/01/2027');
    expect(page).toContain('Ferretería Los Andes S.R.L.');
    expect(page).toContain('CUIT: 30-70987654-3');
    expect(page).toContain('Distribuidora del Sur S.A.');
    // Lines: unit price, discount, line net.
    expect(page).toContain('1.234,50');
    expect(page).toContain('12.345,00');
    expect(page).toContain('153.000,00');
    // Tax breakdown: each line's base and amount.
    expect(page).toMatch(/IVA 21%\s+165\.345,00\s+34\.722,45/);
    expect(page).toMatch(/IVA 10,5%\s+13\.500,00\s+1\.417,50/);
    // Totals.
    expect(page).toMatch(/Importe neto\s+178\.845,00/);
    expect(page).toMatch(/Impuestos\s+36\.139,95/);
    expect(page).toMatch(/Total ARS\s+214\.984,95/);
    expect(page).toContain(
      'SON PESOS DOSCIENTOS CATORCE MIL NOVECIENTOS OCHENTA Y CUATRO CON 95/100',
    );
    expect(page).toMatch(/06\/01\/2027\s+107\.492,48/);
    expect(page).toContain('CAE N°: 76123456789012');
    expect(page).toContain('Página 1 de 1');
  });

  it('prints a Spanish invoice with recargo in English', async () => {
    const { pages, text } = await readBack(await renderDocumentPdf(spanishInvoiceWithRecargo()));
    expect(pages).toBe(1);
    const page = text[0] as string;
    expect(page).toContain('Invoice');
    expect(page).toContain('Number: F2026-000117');
    expect(page).toContain('Issue date: 12/07/2026');
    expect(page).toContain('Papelería Marina');
    expect(page).toContain('Tax ID: 12345678Z');
    expect(page).toMatch(/VAT 21%\s+831\.40\s+174\.59/);
    expect(page).toMatch(/Equivalence surcharge 5\.2%\s+831\.40\s+43\.23/);
    expect(page).toMatch(/Net amount\s+831\.40/);
    expect(page).toMatch(/Taxes\s+217\.82/);
    expect(page).not.toContain('Rounding'); // a zero difference is not printed
    expect(page).toMatch(/Total EUR\s+1,049\.22/);
    expect(page).toContain('SAY EUROS ONE THOUSAND FORTY-NINE AND 22/100');
    expect(page).toContain('Page 1 of 1');
  });

  it('prints a rounding difference when there is one', async () => {
    const view = spanishInvoiceWithRecargo();
    view.totals = { ...view.totals, roundingDifference: '-0.01', total: '1049.21' };
    const page = (await readBack(await renderDocumentPdf(view))).text[0] as string;
    expect(page).toMatch(/Rounding\s+-0\.01/);
    expect(page).toMatch(/Total EUR\s+1,049\.21/);
  });

  it('runs 120 lines over 3 pages, the header row on each, numbered "Página n de 3"', async () => {
    const view = longDocument(120, 'es');
    const { pages, text } = await readBack(await renderDocumentPdf(view));
    expect(pages).toBe(3);
    for (let p = 1; p <= 3; p++) {
      const page = text[p - 1] as string;
      expect(page).toContain(`Página ${p} de 3`);
      expect(page).toMatch(/Descripción\s+Cantidad\s+Unidad\s+Precio unit\./);
    }
    const all = text.join('\n');
    for (let i = 1; i <= 120; i++) expect(all).toContain(`número ${i},`);
    const last = text[2] as string;
    const tax = view.taxes[0] as { base: string; amount: string };
    expect(last).toContain(`IVA 21% ${esAr(tax.base)} ${esAr(tax.amount)}`);
    expect(last).toContain(`Importe neto ${esAr(view.totals.net)}`);
    expect(last).toContain(`Total ARS ${esAr(view.totals.total)}`);
  });

  it('numbers pages in English too', async () => {
    const { pages, text } = await readBack(await renderDocumentPdf(longDocument(120, 'en')));
    expect(pages).toBe(3);
    expect(text[1]).toContain('Page 2 of 3');
  });

  it('refuses amounts that are not decimal strings', async () => {
    const view = facturaA();
    view.totals = { ...view.totals, total: 214984.95 as unknown as string };
    await expect(renderDocumentPdf(view)).rejects.toThrow(/decimal string/);
    view.totals = { ...view.totals, total: 'NaN' };
    await expect(renderDocumentPdf(view)).rejects.toThrow(/decimal string/);
  });
});

describe('what document data can reach', () => {
  it('prints a description that looks like a URL or an image payload as text, reading nothing', async () => {
    const view = spanishInvoiceWithRecargo();
    view.lines = [
      { ...(view.lines[0] as DocumentPdfLine), description: "{ image: 'file:///etc/passwd' }" },
      { ...(view.lines[1] as DocumentPdfLine), description: 'https://attacker.example/x.png' },
    ];
    view.party = { ...view.party, name: '/etc/passwd' };
    const page = (await readBack(await renderDocumentPdf(view))).text[0] as string;
    expect(page).toContain("{ image: 'file:///etc/passwd' }");
    expect(page).toContain('https://attacker.example/x.png');
    expect(page).not.toMatch(/root:x:0:0/);
  });

  it('accepts a logo only as PNG or JPEG bytes or a data URL', async () => {
    for (const logo of [
      'file:///etc/passwd',
      '/etc/passwd',
      'https://attacker.example/logo.png',
      'data:image/svg+xml;base64,PHN2Zy8+',
      Buffer.from('root:x:0:0:root:/root:/bin/bash\n'),
    ]) {
      const view = facturaA();
      view.company = { ...view.company, logo };
      await expect(renderDocumentPdf(view)).rejects.toThrow(/logo must be/);
    }
    const view = facturaA();
    view.company = {
      ...view.company,
      logo: `data:image/png;base64,${pngLogo().toString('base64')}`,
    };
    expect(buildDocumentPdfDefinition(view).images).toHaveProperty('logo');
    expect((await renderDocumentPdf(view)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('has pdfmake fetch no URL and open no file but its own fonts', () => {
    expect(pdfUrlAccessPolicy('https://attacker.example/x.png')).toBe(false);
    expect(pdfUrlAccessPolicy('http://169.254.169.254/latest/meta-data/')).toBe(false);
    expect(pdfLocalAccessPolicy('/etc/passwd')).toBe(false);
    expect(pdfLocalAccessPolicy('file:///etc/passwd')).toBe(false);
    expect(pdfLocalAccessPolicy(`${PDF_FONT_DIR}/../../package.json`)).toBe(false);
    expect(pdfLocalAccessPolicy(`${PDF_FONT_DIR}/../Roboto.js`)).toBe(false);
    expect(pdfLocalAccessPolicy(`${PDF_FONT_DIR}/Roboto-Regular.ttf`)).toBe(true);
  });

  it('makes pdfmake itself refuse a file or URL that a definition names', async () => {
    // The template never builds such nodes; this is the policy behind it, set on pdfmake.
    const { default: pdfmake } = await import('pdfmake');
    const base = buildDocumentPdfDefinition(facturaA());
    const withFile = { ...base, content: [{ image: '/etc/passwd' }] };
    await expect(pdfmake.createPdf(withFile).getBuffer()).rejects.toThrow(/denied/);
    const withUrl = {
      ...base,
      images: { remote: 'https://attacker.example/x.png' },
      content: [{ image: 'remote' }],
    };
    await expect(pdfmake.createPdf(withUrl).getBuffer()).rejects.toThrow(/denied/);
  });
});
