export * from './masked.js';
export * from './record-writes.js';
