import { integer, timestamp } from 'drizzle-orm/pg-core';

/**
 * The columns every mutable record carries: when it was made and last changed, and the
 * version that its ETag carries (optimistic concurrency). Functions, because a column
 * builder belongs to one table only.
 */
export const recordColumns = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
export * from './decimal-columns.js';
