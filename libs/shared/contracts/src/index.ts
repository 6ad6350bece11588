export * from './errors/error-codes.js';
export * from './errors/problem.schema.js';
export * from './auth/auth.contracts.js';
export * from './auth/oidc.contracts.js';
export * from './permissions/permission.contracts.js';
