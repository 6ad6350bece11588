import type { DocumentPdfLanguage } from './document-pdf.view.js';

/** The fixed words of the document template, per language. */
export interface DocumentPdfLabels {
  number: string;
  issueDate: string;
  dueDate: string;
  taxId: string;
  taxCondition: string;
  customer: string;
  currency: string;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discount: string;
  lineNet: string;
  tax: string;
  taxBreakdown: string;
  taxBase: string;
  taxAmount: string;
  net: string;
  taxes: string;
  withheld: string;
  roundingDifference: string;
  total: string;
  amountInWords: string;
  paymentTerms: string;
  installmentDueDate: string;
  installmentAmount: string;
  page: (current: number, count: number) => string;
}

export const DOCUMENT_PDF_LABELS: Record<DocumentPdfLanguage, DocumentPdfLabels> = {
  es: {
    number: 'Número',
    issueDate: 'Fecha de emisión',
    dueDate: 'Vencimiento',
    taxId: 'CUIT',
    taxCondition: 'Condición frente al IVA',
    customer: 'Cliente',
    currency: 'Moneda',
    description: 'Descripción',
    quantity: 'Cantidad',
    unit: 'Unidad',
    unitPrice: 'Precio unit.',
    discount: 'Desc. %',
    lineNet: 'Subtotal',
    tax: 'Impuesto',
    taxBreakdown: 'Detalle de impuestos',
    taxBase: 'Base imponible',
    taxAmount: 'Importe',
    net: 'Importe neto',
    taxes: 'Impuestos',
    withheld: 'Retenciones',
    roundingDifference: 'Redondeo',
    total: 'Total',
    amountInWords: 'Importe en letras',
    paymentTerms: 'Condiciones de pago',
    installmentDueDate: 'Vencimiento',
    installmentAmount: 'Importe',
    page: (current, count) => `Página ${current} de ${count}`,
  },
  en: {
    number: 'Number',
    issueDate: 'Issue date',
    dueDate: 'Due date',
    taxId: 'Tax ID',
    taxCondition: 'Tax status',
    customer: 'Customer',
    currency: 'Currency',
    description: 'Description',
    quantity: 'Quantity',
    unit: 'Unit',
    unitPrice: 'Unit price',
    discount: 'Disc. %',
    lineNet: 'Net',
    tax: 'Tax',
    taxBreakdown: 'Tax breakdown',
    taxBase: 'Taxable base',
    taxAmount: 'Amount',
    net: 'Net amount',
    taxes: 'Taxes',
    withheld: 'Withheld',
    roundingDifference: 'Rounding',
    total: 'Total',
    amountInWords: 'Amount in words',
    paymentTerms: 'Payment terms',
    installmentDueDate: 'Due date',
    installmentAmount: 'Amount',
    page: (current, count) => `Page ${current} of ${count}`,
  },
};
