export * from './document-errors.js';
export * from './document-events.js';
export * from './document-figures.js';
export * from './document-kit.service.js';
export * from './document-print.js';
export * from './document-store.js';
export * from './document-type.js';
