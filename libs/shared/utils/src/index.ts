export * from './ids.js';
export * from './money/index.js';
