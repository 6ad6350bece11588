export * from './tenants.factory.js';
export * from './test-database-env.js';
export * from './test-database.js';
