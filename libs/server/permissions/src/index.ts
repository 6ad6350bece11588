export * from './engine/ability.factory.js';
export * from './engine/field-mask.js';
export * from './engine/permission.service.js';
export * from './engine/sql-compiler.js';
export * from './permissions.module.js';
export * from './rules/system-roles.js';
export * from './roles/role.repository.js';
