/** The catalog context's contracts: `@nexo/contracts/catalog`. */
export * from './catalog.contracts.js';
export * from './catalog.routes.js';
export * from './catalog.context.js';
