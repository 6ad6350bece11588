export * from './inventory.module.js';
export { WarehouseService, type WarehouseView } from './warehouse/warehouse.service.js';
export { StockLocations, type LocationFacts } from './locations/stock-locations.service.js';
export { OperationService } from './operations/operation.service.js';
export { Lots, type EnsureLotInput } from './lots/lots.service.js';
export { InventorySettings, type StockSettings } from './settings/inventory-settings.service.js';
export { ReorderSuggested } from './inventory.events.js';
export { StockPosting } from './ledger/stock-posting.service.js';
export { StockReservations } from './reservations/stock-reservations.service.js';
export type * from './ledger/stock-posting.types.js';
export {
  STOCK_VALUATION_SINK,
  type StockValuationEntry,
  type StockValuationSink,
} from './ledger/stock-valuation.sink.js';
