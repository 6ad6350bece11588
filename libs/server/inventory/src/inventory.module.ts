import { Module } from '@nestjs/common';
import { CatalogModule } from '@nexo/catalog';
import { RecordWrites } from '@nexo/records';
import { TenantDirectory } from '@nexo/tenancy';
import { StockLedgerRepository } from './ledger/stock-ledger.repository.js';
import { StockPosting } from './ledger/stock-posting.service.js';
import { StockMoveController } from './moves/stock-move.controller.js';
import { StockMoveRepository } from './moves/stock-move.repository.js';
import { StockMoveService } from './moves/stock-move.service.js';
import { StockReservations } from './reservations/stock-reservations.service.js';
import { StockReportController } from './reports/stock-report.controller.js';
import { StockReportRepository } from './reports/stock-report.repository.js';
import { StockReportService } from './reports/stock-report.service.js';
import { WarehouseController } from './warehouse/warehouse.controller.js';
import { WarehouseRepository } from './warehouse/warehouse.repository.js';
import { WarehouseService } from './warehouse/warehouse.service.js';
import { LocationController } from './locations/location.controller.js';
import { LocationRepository } from './locations/location.repository.js';
import { LocationService } from './locations/location.service.js';
import { StockLocations } from './locations/stock-locations.service.js';
import { LotController } from './lots/lot.controller.js';
import { LotRepository } from './lots/lot.repository.js';
import { LotService } from './lots/lot.service.js';
import { Lots } from './lots/lots.service.js';
import { InventorySettings } from './settings/inventory-settings.service.js';
import { SettingsController } from './settings/settings.controller.js';
import { SettingsService } from './settings/settings.service.js';
import { ReorderRuleController } from './reorder/reorder-rule.controller.js';
import { ReorderRuleRepository } from './reorder/reorder-rule.repository.js';
import { ReorderRuleService } from './reorder/reorder-rule.service.js';
import { ReorderSuggestionsJob } from './reorder/reorder-suggestions.job.js';
import { CountController } from './counts/count.controller.js';
import { CountRepository } from './counts/count.repository.js';
import { CountService } from './counts/count.service.js';
import { OperationController } from './operations/operation.controller.js';
import { OperationRepository } from './operations/operation.repository.js';
import { OperationService } from './operations/operation.service.js';
import { StockPlaces } from './operations/stock-places.js';

/** Inventory: warehouses (`inventory` schema). */
@Module({
  imports: [CatalogModule],
  controllers: [
    StockMoveController,
    WarehouseController,
    LocationController,
    LotController,
    SettingsController,
    ReorderRuleController,
    StockReportController,
    OperationController,
    CountController,
  ],
  providers: [
    TenantDirectory,
    StockLedgerRepository,
    StockPosting,
    StockMoveRepository,
    StockMoveService,
    StockReservations,
    RecordWrites,
    WarehouseRepository,
    WarehouseService,
    StockLocations,
    LocationRepository,
    LocationService,
    LotRepository,
    LotService,
    Lots,
    InventorySettings,
    SettingsService,
    ReorderRuleRepository,
    ReorderRuleService,
    ReorderSuggestionsJob,
    StockReportRepository,
    StockReportService,
    StockPlaces,
    OperationRepository,
    OperationService,
    CountRepository,
    CountService,
  ],
  exports: [
    StockPosting,
    StockReservations,
    WarehouseService,
    StockLocations,
    Lots,
    InventorySettings,
  ],
})
export class InventoryModule {}
