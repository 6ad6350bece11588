/**
 * The commercial document's layout as a pdfmake document definition, built from a
 * `DocumentPdfView` and nothing else: header with logo and the issuer's legal data, title,
 * number and dates, the party, the lines (the header row repeats on every page), the tax
 * breakdown, totals, the total in words, payment terms, legal text and QR, and "Página 1
 * de 3" at the foot of each page.
 *
 * Every piece of the view goes in as text. The only image is the logo, accepted as PNG or
 * JPEG bytes or a data URL: a path or a URL in the view is refused here, and the renderer's
 * access policies refuse it again.
 */
import type { Column, Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatAmount, formatDate, formatQuantity, isZeroDecimal } from './decimal-format.js';
import { DOCUMENT_PDF_LABELS } from './document-pdf.labels.js';
import type { DocumentPdfView } from './document-pdf.view.js';

const DEFAULT_LOCALES = { es: 'es-AR', en: 'en-US' } as const;
const GREY = '#555555';
const RULE = '#999999';
const HEADER_FILL = '#eeeeee';

/** The logo as a data URL, or an error: only PNG and JPEG, only inline bytes. */
export function logoDataUrl(logo: Buffer | Uint8Array | string): string {
  if (typeof logo === 'string') {
    if (!/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=\s]+$/.test(logo)) {
      throw new TypeError('logo must be PNG or JPEG bytes or a data:image/png|jpeg;base64 URL');
    }
    return logo;
  }
  const bytes = Buffer.from(logo.buffer, logo.byteOffset, logo.byteLength);
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return `data:image/png;base64,${bytes.toString('base64')}`;
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return `data:image/jpeg;base64,${bytes.toString('base64')}`;
  }
  throw new TypeError('logo must be a PNG or JPEG image');
}

const texts = (lines: readonly string[] | undefined, style?: string): Content[] =>
  (lines ?? []).filter((line) => line !== '').map((text) => (style ? { text, style } : { text }));

export function buildDocumentPdfDefinition(view: DocumentPdfView): TDocumentDefinitions {
  const labels = DOCUMENT_PDF_LABELS[view.language];
  if (!labels) throw new TypeError(`language must be 'es' or 'en', got ${String(view.language)}`);
  const locale = view.locale ?? DEFAULT_LOCALES[view.language];
  const money = (value: string) => formatAmount(value, view.currency, locale);
  const date = (value: string) => formatDate(value, locale);
  const images: Record<string, string> = {};

  // ---- Header: logo and issuer | letter box | title, number, dates ----
  const issuer: Content[] = [];
  if (view.company.logo !== undefined) {
    images['logo'] = logoDataUrl(view.company.logo);
    issuer.push({ image: 'logo', fit: [140, 50], margin: [0, 0, 0, 4] });
  }
  issuer.push(
    { text: view.company.name, style: 'companyName' },
    { text: view.company.legalName, bold: true },
    ...texts(view.company.addressLines),
    { text: `${labels.taxId}: ${view.company.taxId}` },
    { text: view.company.taxCondition },
    ...texts(view.company.extraLines, 'small'),
  );
  const letterBox: Column = view.letter
    ? {
        width: 50,
        table: {
          widths: [40],
          body: [
            [
              {
                stack: [
                  { text: view.letter.letter, fontSize: 24, bold: true, alignment: 'center' },
                  ...(view.letter.code
                    ? [{ text: view.letter.code, fontSize: 7, alignment: 'center' as const }]
                    : []),
                ],
              },
            ],
          ],
        },
      }
    : { width: 0, text: '' };
  const heading: Column = {
    width: '*',
    stack: [
      { text: view.title, style: 'title' },
      { text: `${labels.number}: ${view.number}`, bold: true, fontSize: 11 },
      { text: `${labels.issueDate}: ${date(view.issueDate)}` },
      ...(view.dueDate ? [{ text: `${labels.dueDate}: ${date(view.dueDate)}` }] : []),
      { text: `${labels.currency}: ${view.currency}` },
    ],
    alignment: 'right',
  };

  // ---- Party ----
  const party: Content = {
    margin: [0, 10, 0, 10],
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              {
                text: [
                  { text: `${labels.customer}: `, color: GREY },
                  { text: view.party.name, bold: true },
                ],
              },
              ...(view.party.taxId ? [{ text: `${labels.taxId}: ${view.party.taxId}` }] : []),
              ...(view.party.taxCondition
                ? [{ text: `${labels.taxCondition}: ${view.party.taxCondition}` }]
                : []),
              ...texts(view.party.addressLines),
            ],
            margin: [4, 4, 4, 4],
          },
        ],
      ],
    },
    layout: { hLineColor: RULE, vLineColor: RULE, hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
  };

  // ---- Lines ----
  const num = (text: string): TableCell => ({ text, alignment: 'right', noWrap: true });
  const lineRows: TableCell[][] = [
    [
      { text: labels.description, style: 'th' },
      { text: labels.quantity, style: 'th', alignment: 'right' },
      { text: labels.unit, style: 'th' },
      { text: labels.unitPrice, style: 'th', alignment: 'right' },
      { text: labels.discount, style: 'th', alignment: 'right' },
      { text: labels.lineNet, style: 'th', alignment: 'right' },
      { text: labels.tax, style: 'th' },
    ],
  ];
  for (const line of view.lines) {
    lineRows.push([
      { text: line.description },
      num(formatQuantity(line.quantity, locale)),
      { text: line.unit },
      num(money(line.unitPrice)),
      num(
        line.discountPercent && !isZeroDecimal(line.discountPercent)
          ? formatQuantity(line.discountPercent, locale)
          : '',
      ),
      num(money(line.lineNet)),
      { text: line.taxLabel, noWrap: true },
    ]);
  }
  const linesTable: Content = {
    table: {
      headerRows: 1,
      widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
      body: lineRows,
    },
    layout: {
      fillColor: (row: number) => (row === 0 ? HEADER_FILL : null),
      hLineWidth: (i: number, node) =>
        i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.2,
      vLineWidth: () => 0,
      hLineColor: () => RULE,
      paddingTop: () => 1.5,
      paddingBottom: () => 1.5,
    },
  };

  // ---- Tax breakdown | totals ----
  const taxRows: TableCell[][] = [
    [
      { text: labels.taxBreakdown, style: 'th' },
      { text: labels.taxBase, style: 'th', alignment: 'right' },
      { text: labels.taxAmount, style: 'th', alignment: 'right' },
    ],
    ...view.taxes.map((tax): TableCell[] => [
      { text: tax.label },
      num(money(tax.base)),
      num(money(tax.amount)),
    ]),
  ];
  const totalRows: TableCell[][] = [
    [{ text: labels.net }, num(money(view.totals.net))],
    [{ text: labels.taxes }, num(money(view.totals.taxes))],
  ];
  if (view.totals.withheld && !isZeroDecimal(view.totals.withheld)) {
    totalRows.push([{ text: labels.withheld }, num(money(`-${view.totals.withheld}`))]);
  }
  if (view.totals.roundingDifference && !isZeroDecimal(view.totals.roundingDifference)) {
    totalRows.push([
      { text: labels.roundingDifference },
      num(money(view.totals.roundingDifference)),
    ]);
  }
  totalRows.push([
    { text: `${labels.total} ${view.currency}`, style: 'grandTotal' },
    { text: money(view.totals.total), style: 'grandTotal', alignment: 'right', noWrap: true },
  ]);
  const summary: Content = {
    margin: [0, 10, 0, 0],
    unbreakable: true,
    columns: [
      {
        width: '*',
        table: { headerRows: 1, widths: ['*', 'auto', 'auto'], body: taxRows },
        layout: 'lightHorizontalLines',
      },
      { width: 20, text: '' },
      {
        width: 200,
        table: { widths: ['*', 'auto'], body: totalRows },
        layout: {
          hLineWidth: (i: number, node) => (i === node.table.body.length - 1 ? 0.8 : 0),
          vLineWidth: () => 0,
        },
      },
    ],
  };

  // ---- Words, payment terms, legal text and QR ----
  const tail: Content[] = [];
  if (view.totalInWords) {
    tail.push({
      margin: [0, 8, 0, 0],
      text: [{ text: `${labels.amountInWords}: `, color: GREY }, { text: view.totalInWords }],
    });
  }
  if (view.paymentTerms && view.paymentTerms.length > 0) {
    tail.push({
      margin: [0, 8, 0, 0],
      unbreakable: true,
      stack: [
        { text: labels.paymentTerms, bold: true, margin: [0, 0, 0, 2] },
        {
          table: {
            headerRows: 1,
            widths: ['auto', 'auto'],
            body: [
              [
                { text: labels.installmentDueDate, style: 'th' },
                { text: labels.installmentAmount, style: 'th', alignment: 'right' },
              ],
              ...view.paymentTerms.map((term): TableCell[] => [
                { text: date(term.dueDate) },
                num(money(term.amount)),
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
        },
      ],
    });
  }
  const legal = texts(view.legalText, 'small');
  if (legal.length > 0 || view.qr) {
    tail.push({
      margin: [0, 12, 0, 0],
      unbreakable: true,
      columns: [
        ...(view.qr ? [{ width: 100, qr: view.qr, fit: 95, eccLevel: 'M' as const }] : []),
        { width: '*', stack: legal },
      ],
      columnGap: 10,
    });
  }

  const footerLeft = `${view.title} ${view.number}`;
  return {
    pageSize: 'A4',
    pageMargins: [40, 36, 40, 44],
    info: {
      title: `${view.title} ${view.number}`,
      author: view.company.legalName,
      subject: view.party.name,
      creator: 'NEXO',
      producer: 'NEXO',
    },
    language: view.language,
    images,
    defaultStyle: { font: 'Roboto', fontSize: 8.5 },
    styles: {
      companyName: { fontSize: 14, bold: true },
      title: { fontSize: 16, bold: true },
      th: { bold: true, fontSize: 8 },
      grandTotal: { bold: true, fontSize: 11 },
      small: { fontSize: 7.5, color: GREY },
    },
    footer: (currentPage: number, pageCount: number): Content => ({
      margin: [40, 14, 40, 0],
      columns: [
        { text: footerLeft, fontSize: 7.5, color: GREY },
        {
          text: labels.page(currentPage, pageCount),
          fontSize: 7.5,
          color: GREY,
          alignment: 'right',
        },
      ],
    }),
    content: [
      { columns: [{ width: '*', stack: issuer }, letterBox, heading], columnGap: 10 },
      party,
      linesTable,
      summary,
      ...tail,
    ],
  };
}
