export * from './amount-in-words.js';
export * from './ar-invoice-qr.js';
export { currencyMinorUnits, formatAmount, formatDate, formatQuantity } from './decimal-format.js';
export * from './document-pdf.labels.js';
export * from './document-pdf.renderer.js';
export * from './document-pdf.template.js';
export type * from './document-pdf.view.js';
