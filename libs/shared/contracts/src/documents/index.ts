export * from './document-routes.js';
export * from './document.contracts.js';
export * from './documents.context.js';
