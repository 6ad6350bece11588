export * from './inventory.module.js';
export { WarehouseService, type WarehouseView } from './warehouse/warehouse.service.js';
