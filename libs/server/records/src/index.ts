export * from './masked.js';
export * from './record-writes.js';
export * from './record-list.js';
export * from './record-export.js';
