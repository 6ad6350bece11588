/** Pure commercial rules shared by the server and the portals: taxes, payment terms, country packs. */
export * from './country-packs/index.js';
export * from './payment-terms/index.js';
export * from './taxes/index.js';
