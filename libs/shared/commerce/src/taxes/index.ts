export * from './tax.js';
export * from './tax-engine.js';
