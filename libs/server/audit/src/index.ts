export * from './audit-log.service.js';
export * from './audit.module.js';
export * from './db/audit.tables.js';
export * from './security-events.js';
