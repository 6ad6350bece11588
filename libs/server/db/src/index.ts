export * from './catalog/reference-violations.js';
export * from './catalog/tenancy-violations.js';
export * from './client/database.js';
export * from './client/current-tenant.js';
export {
  PrincipalChangedError,
  type DbContext,
  type PrincipalCheck,
  type TransactionOptions,
} from './client/request-transaction.js';
export { inlinedTemplate, literal } from './client/simple-protocol.js';
export * from './client/role-guard.js';
export * from './client/transaction.runner.js';
export * from './database.module.js';
export * from './embedded/embedded-postgres.js';
export * from './embedded/free-port.js';
export * from './migrate/migrate.js';
export { TRIGRAM_THRESHOLD, tuneSimilarityOperator } from './migrate/similarity-operator.js';
export * from './roles.js';
export * from './client/constraint-errors.js';
export * from './retention/batch-delete.js';
// The driver's error codes live with the problem mapper, below this library; its users keep
// reading them from here.
export {
  PG_CHECK_VIOLATION,
  PG_FOREIGN_KEY_VIOLATION,
  PG_INSUFFICIENT_PRIVILEGE,
  PG_UNIQUE_VIOLATION,
  pgConstraint,
  pgErrorCode,
} from '@nexo/platform';
export * from './http/idempotency.js';
export * from './numbering/numbering.service.js';
export * from './numbering/number-series.records.js';
export * from './list/list-query.js';
export * from './list/list-page.js';
export * from './list/list-csv.js';
export * from './records/versioned-records.js';
