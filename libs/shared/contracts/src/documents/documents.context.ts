import { defineContext } from '../context/context-contract.js';
import { DOCUMENTS_MESSAGES } from './documents.messages.js';

/**
 * The commercial-document kit (@nexo/documents): no routes or subjects of its own — each
 * document type brings its routes, built with `documentRoutes` — but the error codes and
 * labels every document shares.
 */
export const DocumentsContext = defineContext({
  name: 'documents',
  module: false,
  subjects: {},
  routes: [],
  errors: {
    document_issued: {
      status: 409,
      title: 'Document issued',
      message: {
        es: 'El documento ya fue emitido: no se modifica, se corrige con otro documento (una nota de crédito, una devolución).',
        en: 'The document is issued: it is not changed but corrected by another document (a credit note, a return).',
      },
    },
    transition_not_allowed: {
      status: 409,
      title: 'Not allowed in this state',
      message: {
        es: 'El documento no admite esa acción en su estado actual.',
        en: 'The document does not allow that action in its current state.',
      },
    },
    quantity_exceeded: {
      status: 409,
      title: 'More than remains',
      message: {
        es: 'La cantidad supera lo que queda pendiente de la línea de origen.',
        en: 'The quantity is more than what remains of the source line.',
      },
    },
    document_empty: {
      status: 422,
      title: 'No lines',
      message: {
        es: 'Un documento sin líneas no se emite.',
        en: 'A document without lines is not issued.',
      },
    },
  },
  messages: DOCUMENTS_MESSAGES,
});
