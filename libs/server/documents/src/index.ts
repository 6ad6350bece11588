/** The commercial-document kit (issue 25, erp.md §3): what every business document shares. */
export * from './documents.module.js';
export * from './kit/index.js';
export * from './pdf/index.js';
export * from './states/state-machine.js';
