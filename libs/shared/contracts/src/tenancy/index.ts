/** The tenancy context's contracts: `@nexo/contracts/tenancy`. */
export * from './tenancy.contracts.js';
export * from './tenancy.routes.js';
export * from './tenancy.context.js';
