export * from './country-pack.js';
export * from './country-packs.js';
export * from './tax-id.js';
export * from './ar.pack.js';
export * from './es.pack.js';
export * from './mx.pack.js';
export * from './cl.pack.js';
export * from './generic.pack.js';
