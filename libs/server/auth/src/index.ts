export * from './auth.module.js';
export * from './db/auth.tables.js';
export * from './passwords/password-hasher.js';
export * from './passwords/password-policy.js';
export * from './tokens/access-token.service.js';
export * from './tokens/key-store.service.js';
export * from './users/user.contracts.js';
export * from './users/user.service.js';
