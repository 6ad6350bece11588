/** The inventory context's contracts: `@nexo/contracts/inventory`. */
export * from './warehouse.contracts.js';
export * from './location.contracts.js';
export * from './lot.contracts.js';
export * from './settings.contracts.js';
export * from './reorder.contracts.js';
export * from './report.contracts.js';
export * from './operation.contracts.js';
export * from './count.contracts.js';
export * from './stock.contracts.js';
export * from './inventory.routes.js';
export * from './inventory.context.js';
