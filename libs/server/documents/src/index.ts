/** The commercial-document kit (issue 25, erp.md §3): what every business document shares. */
export * from './pdf/index.js';
