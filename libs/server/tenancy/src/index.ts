export * from './tenancy.module.js';
export * from './tenants/tenant.contracts.js';
export * from './tenants/tenant-directory.js';
export * from './tenants/tenant.service.js';
export * from './exchange-rates/exchange-rates.js';
