import type { Bilingual } from '../context/context-contract.js';

/** Labels every document shares: figures, states and actions common to the types. */
export const DOCUMENTS_MESSAGES = {
  'document.number': { es: 'Número', en: 'Number' },
  'document.date': { es: 'Fecha', en: 'Date' },
  'document.dueDate': { es: 'Vencimiento', en: 'Due date' },
  'document.party': { es: 'Cliente o proveedor', en: 'Customer or supplier' },
  'document.currency': { es: 'Moneda', en: 'Currency' },
  'document.net': { es: 'Subtotal', en: 'Subtotal' },
  'document.taxes': { es: 'Impuestos', en: 'Taxes' },
  'document.withheld': { es: 'Retenciones', en: 'Withheld' },
  'document.rounding': { es: 'Redondeo', en: 'Rounding' },
  'document.total': { es: 'Total', en: 'Total' },
  'document.remaining': { es: 'Pendiente', en: 'Remaining' },
  'document.state.draft': { es: 'Borrador', en: 'Draft' },
  'document.state.issued': { es: 'Emitido', en: 'Issued' },
  'document.state.cancelled': { es: 'Anulado', en: 'Cancelled' },
  'document.action.issue': { es: 'Emitir', en: 'Issue' },
  'document.action.cancel': { es: 'Anular', en: 'Cancel' },
  'document.action.send': { es: 'Enviar por correo', en: 'Send by email' },
  'document.action.pdf': { es: 'Descargar PDF', en: 'Download PDF' },
  'timeline.documents.document.sent': {
    es: 'Se envió el documento {number} a {to}',
    en: 'Document {number} sent to {to}',
  },
} as const satisfies Record<string, Bilingual>;
