export * from './custom-fields.module.js';
export * from './fields/custom-field.service.js';
export * from './fields/reference-targets.js';
