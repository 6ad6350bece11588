/** The accounts context's contracts: `@nexo/contracts/accounts`. */
export * from './accounts.contracts.js';
export * from './accounts.routes.js';
export * from './accounts.context.js';
export * from './posting.contracts.js';
export * from './ledger.contracts.js';
export * from './current-account.contracts.js';
export * from './reports.contracts.js';
