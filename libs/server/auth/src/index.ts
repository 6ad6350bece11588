export * from './auth.module.js';
export * from './db/auth.tables.js';
export * from './passwords/password-hasher.js';
export * from './users/user.contracts.js';
export * from './users/user.service.js';
